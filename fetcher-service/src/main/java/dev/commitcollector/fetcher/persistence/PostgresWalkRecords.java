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

	private final DatabaseClient db;

	PostgresWalkRecords(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Void> record(Fetch progressed, Collection<String> shas) {
		return PostgresFetchRecords.upsert(db, """
				with remembered as (
				    insert into fetcher.published_commits (provider, repository, sha)
				    select $2, $3, unnest($14::text[])
				    on conflict do nothing)
				""", progressed).bind(13, shas.toArray(String[]::new)).then();
	}

	@Override
	public Mono<Void> completed(Fetch completed, RepositoryMemory memory) {
		String remembered = "with remembered as (" + PostgresHistory.completedSql(14) + ")\n";
		return PostgresHistory
			.remembering(PostgresFetchRecords.upsert(db, remembered, completed), 13, completed.target(), memory)
			.then();
	}

}
