package dev.commitcollector.query.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.commitcollector.query.domain.AuthorCommits;
import dev.commitcollector.query.domain.AuthorCommits.CommitRef;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.StoredRepository;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A repository's authors, most commits first, each with all their commits. Indexed reads:
 * the repository row, a page of the author table (kept by the store), and each author's
 * commits, streamed.
 */
@Repository
public class AuthorsReadModel {

	private final DatabaseClient db;

	AuthorsReadModel(DatabaseClient db) {
		this.db = db;
	}

	/** Empty when the repository is not stored. */
	public Mono<StoredRepository> repository(RepositoryKey key) {
		return db.sql("""
				select r.commit_count, r.author_count, r.last_stored_at,""" + " " + MailmapReads.COLUMNS + """
				from repositories r
				left join mailmaps m on m.provider = r.provider and m.repository = r.repository
				where r.provider = $1 and r.repository = $2""")
			.bind(0, key.provider())
			.bind(1, key.path())
			.map(row -> new StoredRepository(key, row.get("commit_count", Long.class),
					row.get("author_count", Long.class), row.get("last_stored_at", Instant.class),
					MailmapReads.of(row)))
			.one();
	}

	/**
	 * How a stored repository whose name is {@code key}'s but for letter case, or for a
	 * {@code .git} ending (the fetcher takes {@code a/b.git} as {@code a/b}), is spelled;
	 * empty when there is none. Names are matched exactly everywhere else: this only
	 * tells someone who asked for one that is not stored.
	 */
	public Mono<String> spelledOtherwise(RepositoryKey key) {
		String path = key.path();
		String withoutGit = path.regionMatches(true, Math.max(0, path.length() - 4), ".git", 0, 4)
				? path.substring(0, path.length() - 4) : path;
		return db.sql("""
				select repository from repositories
				where provider = $1 and lower(repository) in (lower($2), lower($3)) and repository <> $2
				order by repository limit 1""")
			.bind(0, key.provider())
			.bind(1, path)
			.bind(2, withoutGit)
			.map(row -> row.get("repository", String.class))
			.one();
	}

	/**
	 * A page of the repository's authors, most commits first, without their commits (see
	 * {@link #commitsOf}).
	 */
	public Flux<AuthorCommits> authors(RepositoryKey key, int page, int size) {
		return db.sql("""
				select a.author_key, a.login, a.names, a.emails, a.commit_count,
				       coalesce(c.co_authored_count, 0) as co_authored_count
				from authors a
				left join co_authors c
				  on c.provider = a.provider and c.repository = a.repository and c.author_key = a.author_key
				where a.provider = $1 and a.repository = $2
				order by -a.commit_count, a.author_key
				limit $3 offset $4""")
			.bind(0, key.provider())
			.bind(1, key.path())
			.bind(2, size)
			.bind(3, (long) page * size)
			.map(AuthorsReadModel::author)
			.all();
	}

	/**
	 * An author's commits, newest first, read through a cursor {@value #FETCH_SIZE} rows
	 * at a time as the subscriber asks for them: a prolific author's commits never sit in
	 * memory all at once, and a slow client slows the read instead of filling a buffer.
	 */
	public Flux<CommitRef> commitsOf(RepositoryKey key, String author) {
		return db.sql("""
				select sha, authored_at from commits
				where provider = $1 and repository = $2 and author_key = $3
				order by authored_at desc, sha desc""")
			.filter(statement -> statement.fetchSize(FETCH_SIZE))
			.bind(0, key.provider())
			.bind(1, key.path())
			.bind(2, author)
			.map(row -> new CommitRef(row.get("sha", String.class), row.get("authored_at", Instant.class)))
			.all();
	}

	static final int FETCH_SIZE = 1_000;

	private static AuthorCommits author(Readable row) {
		return new AuthorCommits(row.get("author_key", String.class), row.get("login", String.class),
				Arrays.asList(row.get("names", String[].class)), Arrays.asList(row.get("emails", String[].class)),
				row.get("commit_count", Long.class), row.get("co_authored_count", Long.class), null, List.of());
	}

}
