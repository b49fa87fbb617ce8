package dev.commitcollector.fetcher.persistence;

import dev.commitcollector.fetcher.application.KnownRepositories;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@link KnownRepositories} in the fetcher's schema: one row per provider and lowercased
 * name, holding the name given first.
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
	public Mono<RepositoryPath> name(String provider, RepositoryPath repository) {
		// Two statements, not one: a statement does not see a row a concurrent one
		// committed
		// while its insert waited on the same key, so the winner is read afterwards.
		Mono<Long> claim = db.sql("""
				insert into fetcher.repository_names (provider, folded, repository)
				values ($1, lower($2), $2)
				on conflict (provider, folded) do nothing""")
			.bind(0, provider)
			.bind(1, repository.toString())
			.fetch()
			.rowsUpdated();
		return claim.then(named(provider, repository));
	}

	@Override
	public Mono<RepositoryPath> lookUp(String provider, RepositoryPath repository) {
		return named(provider, repository).defaultIfEmpty(repository);
	}

	private Mono<RepositoryPath> named(String provider, RepositoryPath repository) {
		return db.sql("""
				select repository from fetcher.repository_names
				where provider = $1 and folded = lower($2)""")
			.bind(0, provider)
			.bind(1, repository.toString())
			.map(row -> RepositoryPath.parse(row.get("repository", String.class), ANY_DEPTH))
			.one();
	}

}
