package dev.commitcollector.fetcher.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.commitcollector.fetcher.application.History;
import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@link History} in the fetcher's schema: one statement per page, whatever its size. */
@Repository
class PostgresHistory implements History {

	private final DatabaseClient db;

	PostgresHistory(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Optional<RepositoryMemory>> recall(RepositoryRef repository) {
		return db.sql("""
				select head_sha, depth, complete, etag from fetcher.repositories
				where provider = $1 and repository = $2""")
			.bind(0, repository.provider())
			.bind(1, repository.path().toString())
			.map(row -> new RepositoryMemory(row.get("head_sha", String.class), row.get("depth", Long.class),
					Boolean.TRUE.equals(row.get("complete", Boolean.class)), row.get("etag", String.class)))
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	@Override
	public Mono<Set<String>> known(RepositoryRef repository, Collection<String> shas) {
		if (shas.isEmpty()) {
			return Mono.just(Set.of());
		}
		return db.sql("""
				select sha from fetcher.published_commits
				where provider = $1 and repository = $2 and sha = any($3)""")
			.bind(0, repository.provider())
			.bind(1, repository.path().toString())
			.bind(2, shas.toArray(String[]::new))
			.map(row -> row.get("sha", String.class))
			.all()
			.collect(HashSet::new, Set::add);
	}

	@Override
	public Mono<Void> remember(RepositoryRef repository, Collection<String> shas) {
		if (shas.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("""
				insert into fetcher.published_commits (provider, repository, sha)
				select $1, $2, unnest($3::text[])
				on conflict do nothing""")
			.bind(0, repository.provider())
			.bind(1, repository.path().toString())
			.bind(2, shas.toArray(String[]::new))
			.then();
	}

	@Override
	public Mono<Optional<String>> mailmapReadAt(RepositoryRef repository) {
		return db.sql("select head_sha from fetcher.mailmap_reads where provider = $1 and repository = $2")
			.bind(0, repository.provider())
			.bind(1, repository.path().toString())
			.map(row -> row.get("head_sha", String.class))
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	@Override
	public Mono<Void> mailmapRead(RepositoryRef repository, String head) {
		return db
			.sql("""
					insert into fetcher.mailmap_reads (provider, repository, head_sha, read_at) values ($1, $2, $3, now())
					on conflict (provider, repository) do update set head_sha = excluded.head_sha, read_at = excluded.read_at""")
			.bind(0, repository.provider())
			.bind(1, repository.path().toString())
			.bind(2, head)
			.then();
	}

	@Override
	public Mono<Void> walking(RepositoryRef repository) {
		return db.sql(walkingSql(1, "true"))
			.bind(0, repository.provider())
			.bind(1, repository.path().toString())
			.then();
	}

	/**
	 * The statement marking a repository, its provider and path ${@code first} and
	 * ${@code first + 1}, as being walked, where {@code condition} holds.
	 */
	static String walkingSql(int first, String condition) {
		return """
				update fetcher.repositories set depth = 0, complete = false, etag = null
				where provider = $%d and repository = $%d and %s""".formatted(first, first + 1, condition);
	}

	@Override
	public Mono<Void> completed(RepositoryRef repository, RepositoryMemory memory) {
		return remembering(db.sql(completedSql(1)), 0, repository, memory).then();
	}

	/**
	 * The statement recording where a completed fetch left a repository, its parameters
	 * ${@code first} to ${@code first + 5} bound by {@link #remembering}.
	 */
	static String completedSql(int first) {
		return completedSql(first, "true");
	}

	/**
	 * The statement of {@link #completedSql(int)}, recording only where {@code condition}
	 * holds.
	 */
	static String completedSql(int first, String condition) {
		return """
				insert into fetcher.repositories (provider, repository, head_sha, depth, complete, etag, fetched_at)
				select $%d, $%d, $%d, $%d, $%d, $%d, now() where %s
				on conflict (provider, repository) do update set
				    head_sha = excluded.head_sha, depth = excluded.depth, complete = excluded.complete,
				    etag = excluded.etag, fetched_at = excluded.fetched_at""".formatted(first, first + 1, first + 2,
				first + 3, first + 4, first + 5, condition);
	}

	/**
	 * Binds the parameters of {@link #completedSql} from index {@code first}
	 * (zero-based).
	 */
	static DatabaseClient.GenericExecuteSpec remembering(DatabaseClient.GenericExecuteSpec statement, int first,
			RepositoryRef repository, RepositoryMemory memory) {
		var bound = statement.bind(first, repository.provider())
			.bind(first + 1, repository.path().toString())
			.bind(first + 3, memory.depth())
			.bind(first + 4, memory.complete());
		bound = memory.headSha() == null ? bound.bindNull(first + 2, String.class)
				: bound.bind(first + 2, memory.headSha());
		return memory.etag() == null ? bound.bindNull(first + 5, String.class) : bound.bind(first + 5, memory.etag());
	}

}
