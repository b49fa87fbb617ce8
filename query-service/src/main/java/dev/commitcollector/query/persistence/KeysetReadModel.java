package dev.commitcollector.query.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.commitcollector.query.domain.AuthorSummary;
import dev.commitcollector.query.domain.CommitEntry;
import dev.commitcollector.query.domain.RepositoryAuthors;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.Slice;
import dev.commitcollector.query.domain.StoredRepository;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Keyset pages of the read model: each page is one index range scan that starts at the
 * cursor, so a deep page costs what the first one does. Fetches one row more than asked
 * to know whether a next page exists.
 */
@Repository
public class KeysetReadModel {

	private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("0001-01-01T00:00:00Z");

	private static final OffsetDateTime LATEST = OffsetDateTime.parse("9999-12-31T23:59:59.999999Z");

	private final DatabaseClient db;

	KeysetReadModel(DatabaseClient db) {
		this.db = db;
	}

	/** Stored repositories by provider and path. */
	public Mono<Slice<StoredRepository>> repositories(String after, int size) {
		Cursor from = after == null ? new Cursor("", "") : Cursor.decode(after);
		return db.sql("""
				select provider, repository, commit_count, author_count, last_stored_at from repositories
				where (provider, repository) > ($1, $2)
				order by provider, repository
				limit $3""")
			.bind(0, from.first())
			.bind(1, from.second())
			.bind(2, size + 1)
			.map(row -> new StoredRepository(
					new RepositoryKey(row.get("provider", String.class), row.get("repository", String.class)),
					row.get("commit_count", Long.class), row.get("author_count", Long.class),
					instant(row, "last_stored_at")))
			.all()
			.collectList()
			.map(rows -> slice(rows, size, r -> new Cursor(r.key().provider(), r.key().path())));
	}

	/**
	 * A repository's authors, most commits first, ties by key; {@code filter} (optional)
	 * keeps those whose key, a name or an email contains it, ignoring case. The
	 * repository row comes with the page, in the same statement: one round trip; so does
	 * each author's co-authored count (a primary-key lookup in {@code co_authors}). Empty
	 * when the repository is not stored.
	 */
	public Mono<RepositoryAuthors> authors(RepositoryKey repository, String after, int size, String filter) {
		Cursor from = after == null ? null : Cursor.decode(after);
		long negatedCount = from == null ? Long.MIN_VALUE : -parseCount(from.first());
		boolean filtered = filter != null && !filter.isBlank();
		var query = db.sql(filtered ? AUTHORS_MATCHING : AUTHORS)
			.bind(0, repository.provider())
			.bind(1, repository.path())
			.bind(2, negatedCount)
			.bind(3, from == null ? "" : from.second())
			.bind(4, size + 1);
		if (filtered) {
			query = query.bind(5, "%" + likeEscaped(filter.strip()) + "%");
		}
		return query.map(row -> new AuthorRow(repositoryOf(repository, row), authorOf(row)))
			.all()
			.collectList()
			.filter(rows -> !rows.isEmpty())
			.map(rows -> new RepositoryAuthors(rows.get(0).repository(),
					slice(rows.stream().map(AuthorRow::author).filter(Objects::nonNull).toList(), size,
							a -> new Cursor(String.valueOf(a.commitCount()), a.key()))));
	}

	private static final String AUTHORS = """
			select r.commit_count as total_commits, r.author_count, r.last_stored_at,
			       a.author_key, a.login, a.names, a.emails, a.commit_count, a.last_authored_at,
			       coalesce(c.co_authored_count, 0) as co_authored_count
			from repositories r left join lateral (
			    select author_key, login, names, emails, commit_count, last_authored_at from authors
			    where provider = $1 and repository = $2 and (-commit_count, author_key) > ($3, $4)
			    order by -commit_count, author_key
			    limit $5) a on true
			left join co_authors c on c.provider = $1 and c.repository = $2 and c.author_key = a.author_key
			where r.provider = $1 and r.repository = $2
			order by -a.commit_count, a.author_key""";

	private static final String AUTHORS_MATCHING = """
			select r.commit_count as total_commits, r.author_count, r.last_stored_at,
			       a.author_key, a.login, a.names, a.emails, a.commit_count, a.last_authored_at,
			       coalesce(c.co_authored_count, 0) as co_authored_count
			from repositories r left join lateral (
			    select author_key, login, names, emails, commit_count, last_authored_at from authors
			    where provider = $1 and repository = $2 and (-commit_count, author_key) > ($3, $4)
			      and (author_key ilike $6 or array_to_string(names, ' ') ilike $6
			           or array_to_string(emails, ' ') ilike $6)
			    order by -commit_count, author_key
			    limit $5) a on true
			left join co_authors c on c.provider = $1 and c.repository = $2 and c.author_key = a.author_key
			where r.provider = $1 and r.repository = $2
			order by -a.commit_count, a.author_key""";

	/**
	 * A row of the authors statement: the repository, and an author unless none matched.
	 */
	private record AuthorRow(StoredRepository repository, @Nullable AuthorSummary author) {
	}

	private static StoredRepository repositoryOf(RepositoryKey key, Readable row) {
		return new StoredRepository(key, row.get("total_commits", Long.class), row.get("author_count", Long.class),
				instant(row, "last_stored_at"));
	}

	private static @Nullable AuthorSummary authorOf(Readable row) {
		String key = row.get("author_key", String.class);
		return key == null ? null
				: new AuthorSummary(key, row.get("login", String.class),
						Arrays.asList(row.get("names", String[].class)),
						Arrays.asList(row.get("emails", String[].class)), row.get("commit_count", Long.class),
						instant(row, "last_authored_at"), row.get("co_authored_count", Long.class));
	}

	/** One author's commits in a repository, newest first (ties by sha, descending). */
	public Mono<Slice<CommitEntry>> commits(RepositoryKey repository, String author, String after, int size) {
		Cursor from = after == null ? null : Cursor.decode(after);
		return db.sql("""
				select sha, authored_at, committed_at, message_headline from commits
				where provider = $1 and repository = $2 and author_key = $3
				  and (authored_at, sha) < ($4, $5)
				order by authored_at desc, sha desc
				limit $6""")
			.bind(0, repository.provider())
			.bind(1, repository.path())
			.bind(2, author)
			.bind(3, from == null ? OffsetDateTime.parse("9999-12-31T23:59:59Z") : parseInstant(from.first()))
			.bind(4, from == null ? "" : from.second())
			.bind(5, size + 1)
			.map(row -> new CommitEntry(row.get("sha", String.class), instant(row, "authored_at"),
					instant(row, "committed_at"), row.get("message_headline", String.class)))
			.all()
			.collectList()
			.map(rows -> slice(rows, size, c -> new Cursor(c.authoredAt().toString(), c.sha())));
	}

	private static <T> Slice<T> slice(List<T> rows, int size, java.util.function.Function<T, Cursor> cursorOf) {
		if (rows.size() <= size) {
			return new Slice<>(rows, null);
		}
		List<T> page = rows.subList(0, size);
		return new Slice<>(List.copyOf(page), cursorOf.apply(page.get(size - 1)).encode());
	}

	private static Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static long parseCount(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidCursor();
		}
	}

	/**
	 * A cursor's date, within the years 1 to 9999 that the store accepts (timestamptz
	 * holds no year 0).
	 */
	private static OffsetDateTime parseInstant(String value) {
		try {
			OffsetDateTime date = OffsetDateTime.parse(value);
			if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
				throw new InvalidCursor();
			}
			return date;
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidCursor();
		}
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
