package dev.commitcollector.fetcher.persistence;

import dev.commitcollector.fetcher.application.KnownRepositories;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@link KnownRepositories} from the fetcher's fetches and watches, each looked up by its
 * provider and lowercased name.
 */
@Repository
class PostgresKnownRepositories implements KnownRepositories {

	/** Paths of every forge type fit in this many segments ({@code RepositoryPath}). */
	private static final int ANY_DEPTH = Integer.MAX_VALUE;

	private final DatabaseClient db;

	PostgresKnownRepositories(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<RepositoryPath> firstNamed(String provider, RepositoryPath repository) {
		return db.sql("""
				select repository from (
				    select repository, started_at as since from fetcher.fetches
				    where provider = $1 and lower(repository) = lower($2)
				    union all
				    select repository, created_at from fetcher.watches
				    where provider = $1 and lower(repository) = lower($2)
				) named
				order by since, repository
				limit 1""")
			.bind(0, provider)
			.bind(1, repository.toString())
			.map(row -> RepositoryPath.parse(row.get("repository", String.class), ANY_DEPTH))
			.one();
	}

}
