package dev.commitcollector.query.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.commitcollector.query.domain.AuthorCommits;
import dev.commitcollector.query.domain.AuthorCommits.CommitRef;
import dev.commitcollector.query.domain.AuthorPage;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.StoredRepository;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * A repository's authors, most commits first, each with all their commits. Three indexed
 * reads: the repository row, a page of the author table (kept by the store), and those
 * authors' commits.
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
				select commit_count, author_count, last_stored_at from repositories
				where provider = $1 and repository = $2""")
			.bind(0, key.provider())
			.bind(1, key.path())
			.map(row -> new StoredRepository(key, row.get("commit_count", Long.class),
					row.get("author_count", Long.class), row.get("last_stored_at", OffsetDateTime.class).toInstant()))
			.one();
	}

	public Mono<AuthorPage> authors(StoredRepository repository, int page, int size) {
		RepositoryKey key = repository.key();
		return db.sql("""
				select author_key, login, names, emails, commit_count from authors
				where provider = $1 and repository = $2
				order by -commit_count, author_key
				limit $3 offset $4""")
			.bind(0, key.provider())
			.bind(1, key.path())
			.bind(2, size)
			.bind(3, (long) page * size)
			.map(AuthorsReadModel::author)
			.all()
			.collectList()
			.flatMap(authors -> withCommits(key, authors))
			.map(authors -> new AuthorPage(repository, page, size, authors));
	}

	private Mono<List<AuthorCommits>> withCommits(RepositoryKey key, List<AuthorCommits> authors) {
		if (authors.isEmpty()) {
			return Mono.just(List.of());
		}
		Map<String, List<CommitRef>> commitsByAuthor = new LinkedHashMap<>();
		authors.forEach(author -> commitsByAuthor.put(author.key(), new ArrayList<>()));
		return db.sql("""
				select author_key, sha, authored_at from commits
				where provider = $1 and repository = $2 and author_key = any($3)
				order by author_key, authored_at desc, sha desc""")
			.bind(0, key.provider())
			.bind(1, key.path())
			.bind(2, commitsByAuthor.keySet().toArray(String[]::new))
			.map(row -> {
				commitsByAuthor.get(row.get("author_key", String.class))
					.add(new CommitRef(row.get("sha", String.class),
							row.get("authored_at", OffsetDateTime.class).toInstant()));
				return 1;
			})
			.all()
			.then(Mono.fromSupplier(() -> authors.stream()
				.map(a -> new AuthorCommits(a.key(), a.login(), a.names(), a.emails(), a.commitCount(),
						List.copyOf(commitsByAuthor.get(a.key()))))
				.toList()));
	}

	private static AuthorCommits author(Readable row) {
		return new AuthorCommits(row.get("author_key", String.class), row.get("login", String.class),
				Arrays.asList(row.get("names", String[].class)), Arrays.asList(row.get("emails", String[].class)),
				row.get("commit_count", Long.class), List.of());
	}

}
