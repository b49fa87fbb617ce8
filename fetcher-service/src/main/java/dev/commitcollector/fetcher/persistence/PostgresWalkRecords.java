package dev.commitcollector.fetcher.persistence;

import java.util.Collection;

import dev.commitcollector.fetcher.application.WalkRecords;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.RepositoryMemory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@link WalkRecords} in the fetcher's schema: a page's commits into
 * {@code published_commits} and the fetch's row, in one statement (a data-modifying
 * {@code with}, run once whatever the rest does) and one round trip.
 */
@Repository
class PostgresWalkRecords implements WalkRecords {

	/**
	 * The fetch ($1) is still running as this attempt ($14): an attempt another one took
	 * over leaves the repository as that one records it.
	 */
	private static final String OWN_ATTEMPT = """
			exists (select 1 from fetcher.fetches where id = $1 and attempt = $14 and finished_at is null)""";

	private final DatabaseClient db;

	PostgresWalkRecords(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Boolean> record(Fetch progressed, Collection<String> shas) {
		return PostgresFetchRecords.written(PostgresFetchRecords.upsert(db, """
				with remembered as (
				    insert into fetcher.published_commits (provider, repository, sha)
				    select $2, $3, unnest($16::text[])
				    on conflict do nothing)
				""", progressed).bind(PostgresFetchRecords.UPSERT_PARAMETERS, shas.toArray(String[]::new)));
	}

	/**
	 * Asks {@link #OWN_ATTEMPT} the other way round, that no other attempt holds the
	 * fetch's row, so the walk is marked even when this statement writes that row first.
	 */
	@Override
	public Mono<Boolean> walking(Fetch running) {
		String walking = "with walking as (" + PostgresHistory.walkingSql(2,
				"""
						not exists (select 1 from fetcher.fetches where id = $1 and (attempt <> $14 or finished_at is not null))""")
				+ ")\n";
		return PostgresFetchRecords.written(PostgresFetchRecords.upsert(db, walking, running));
	}

	@Override
	public Mono<Boolean> completed(Fetch completed, RepositoryMemory memory) {
		String remembered = "with remembered as ("
				+ PostgresHistory.completedSql(PostgresFetchRecords.UPSERT_PARAMETERS + 1, OWN_ATTEMPT) + ")\n";
		return PostgresFetchRecords
			.written(PostgresHistory.remembering(PostgresFetchRecords.upsert(db, remembered, completed),
					PostgresFetchRecords.UPSERT_PARAMETERS, completed.target(), memory));
	}

}
