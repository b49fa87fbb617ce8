package dev.commitcollector.query.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.commitcollector.query.domain.AuthorSummary;
import dev.commitcollector.query.domain.CommitEntry;
import dev.commitcollector.query.domain.RepositoryAuthors;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.Slice;
import dev.commitcollector.query.domain.StoredRepository;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keyset pages of the read model: each page is one index range scan that starts at the
 * cursor, so a deep page costs what the first one does. Fetches one row more than asked
 * to know whether a next page exists.
 */
@Repository
public class KeysetReadModel {

	private final DatabaseClient db;

	private final ConnectionFactory connections;

	private final AnsweredStatements statements;

	KeysetReadModel(DatabaseClient db, ConnectionFactory connections, AnsweredStatements statements) {
		this.db = db;
		this.connections = connections;
		this.statements = statements;
	}

	/** Stored repositories by provider and path. */
	public Mono<Slice<StoredRepository>> repositories(String after, int size) {
		Cursor from = after == null ? new Cursor("", "") : Cursor.decode(after);
		return db
			.sql("""
					select r.provider, r.repository, r.commit_count, r.author_count, r.last_stored_at,""" + " "
					+ MailmapReads.COLUMNS + """
							from repositories r
							left join mailmaps m on m.provider = r.provider and m.repository = r.repository
							where (r.provider, r.repository) > ($1, $2)
							order by r.provider, r.repository
							limit $3""")
			.bind(0, from.first())
			.bind(1, from.second())
			.bind(2, size + 1)
			.map(row -> new StoredRepository(
					new RepositoryKey(row.get("provider", String.class), row.get("repository", String.class)),
					row.get("commit_count", Long.class), row.get("author_count", Long.class),
					row.get("last_stored_at", Instant.class), MailmapReads.of(row)))
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
		long negatedCount = from == null ? Long.MIN_VALUE : -from.count();
		boolean filtered = filter != null && !filter.isBlank();
		String like = filtered ? "%" + likeEscaped(filter.strip()) + "%" : null;
		return rows(filtered ? AUTHORS_MATCHING : AUTHORS, 1, statement -> {
			statement.bind(0, repository.provider())
				.bind(1, repository.path())
				.bind(2, negatedCount)
				.bind(3, from == null ? "" : from.second())
				.bind(4, size + 1);
			if (like != null) {
				statement.bind(5, like);
			}
		}, row -> authorsPage(repository, row, size)).filter(pages -> !pages.isEmpty()).map(pages -> pages.get(0));
	}

	/**
	 * One row for the whole page rather than a row per author: the driver's per-row
	 * pipeline and per-value codec lookup were most of the page's cost in the service
	 * (docs/performance.md, "Reads near the SQL"), and an array is decoded by one codec.
	 * The page is sorted once, in {@code page}; PostgreSQL materialises it (it is read
	 * three times) and reads it back in that order for each aggregate and for the names
	 * and emails laid end to end, so all the arrays agree (see {@link AuthorArrays}). No
	 * row at all when the repository is not stored; arrays of nothing (null from
	 * {@code array_agg}) when no author matched.
	 */
	private static final String AUTHORS_PAGE = """
			with page as (
			    select a.author_key, a.login, a.names, a.emails, a.commit_count, a.last_authored_at,
			           coalesce(c.co_authored_count, 0) as co_authored_count
			    from (select author_key, login, names, emails, commit_count, last_authored_at from authors
			          where provider = $1 and repository = $2 and (-commit_count, author_key) > ($3, $4)%s
			          order by -commit_count, author_key
			          limit $5) a
			    left join co_authors c on c.provider = $1 and c.repository = $2 and c.author_key = a.author_key
			    order by -a.commit_count, a.author_key)
			select r.commit_count as total_commits, r.author_count, r.last_stored_at,
			       p.author_keys, p.logins, p.commit_counts, p.last_authored_at, p.co_authored_counts,
			       p.name_counts, array(select unnest(names) from page) as names,
			       p.email_counts, array(select unnest(emails) from page) as emails
			from repositories r, (
			    select array_agg(author_key) as author_keys, array_agg(login) as logins,
			           array_agg(commit_count) as commit_counts, array_agg(last_authored_at) as last_authored_at,
			           array_agg(co_authored_count) as co_authored_counts,
			           array_agg(cardinality(names)) as name_counts, array_agg(cardinality(emails)) as email_counts
			    from page) p
			where r.provider = $1 and r.repository = $2""";

	private static final String AUTHORS = AUTHORS_PAGE.formatted("");

	/**
	 * Names and emails laid end to end with a line feed between them, which none of them
	 * and no filter can hold: a filter matches within one name or email, never across
	 * two.
	 */
	private static final String AUTHORS_MATCHING = AUTHORS_PAGE.formatted("""

			and (author_key ilike $6 or array_to_string(names, chr(10)) ilike $6
			     or array_to_string(emails, chr(10)) ilike $6)""");

	/** The authors statement's one row, by position (see {@link #AUTHORS_PAGE}). */
	private static RepositoryAuthors authorsPage(RepositoryKey key, Readable row, int size) {
		List<AuthorSummary> authors = AuthorArrays.read(row, 3).summaries();
		return new RepositoryAuthors(
				new StoredRepository(key, row.get(0, Long.class), row.get(1, Long.class), row.get(2, Instant.class)),
				slice(authors, size, a -> new Cursor(String.valueOf(a.commitCount()), a.key())));
	}

	/** One author's commits in a repository, newest first (ties by sha, descending). */
	public Mono<Slice<CommitEntry>> commits(RepositoryKey repository, String author, String after, int size) {
		Cursor from = after == null ? Cursor.NEWEST : Cursor.decode(after);
		return rows(COMMITS, 1,
				statement -> statement.bind(0, repository.provider())
					.bind(1, repository.path())
					.bind(2, author)
					.bind(3, from.date())
					.bind(4, from.second())
					.bind(5, size + 1),
				KeysetReadModel::commitEntries)
			.map(pages -> pages.isEmpty() ? List.<CommitEntry>of() : pages.get(0))
			.map(rows -> slice(rows, size, c -> new Cursor(c.authoredAt().toString(), c.sha())));
	}

	/**
	 * The commits statement's one row: the page's columns as four arrays, in the
	 * subquery's order (PostgreSQL aggregates a sorted subquery in its order); put in
	 * order here should they ever not be.
	 */
	static List<CommitEntry> commitEntries(Readable row) {
		String[] shas = row.get(0, String[].class);
		if (shas == null) {
			return List.of();
		}
		Instant[] authored = row.get(1, Instant[].class);
		Instant[] committed = row.get(2, Instant[].class);
		String[] headlines = row.get(3, String[].class);
		List<CommitEntry> entries = new ArrayList<>(shas.length);
		for (int i = 0; i < shas.length; i++) {
			entries.add(new CommitEntry(shas[i], authored[i], committed[i], headlines[i]));
		}
		return newestFirst(entries);
	}

	/**
	 * Newest first, ties by sha descending: the order of the keyset and its cursor. The
	 * store keeps only lowercase hex shas, which {@link String#compareTo} orders as any
	 * PostgreSQL collation does.
	 */
	static final Comparator<CommitEntry> NEWEST_FIRST = Comparator.comparing(CommitEntry::authoredAt)
		.thenComparing(CommitEntry::sha)
		.reversed();

	static List<CommitEntry> newestFirst(List<CommitEntry> entries) {
		for (int i = 1; i < entries.size(); i++) {
			if (NEWEST_FIRST.compare(entries.get(i - 1), entries.get(i)) > 0) {
				entries.sort(NEWEST_FIRST);
				break;
			}
		}
		return entries;
	}

	/**
	 * One row of arrays rather than a row per commit: the driver's per-row pipeline and
	 * per-value codec lookup were most of the page's cost in the service
	 * (docs/performance.md, "Reads near the SQL"); an array is decoded by one codec.
	 */
	private static final String COMMITS = """
			select array_agg(sha), array_agg(authored_at), array_agg(committed_at), array_agg(message_headline)
			from (select sha, authored_at, committed_at, message_headline from commits
			      where provider = $1 and repository = $2 and author_key = $3
			        and (authored_at, sha) < ($4, $5)
			      order by authored_at desc, sha desc
			      limit $6) page""";

	/**
	 * The rows of one statement on a connection of the pool, read by position. The two
	 * hot pages go this way rather than through {@link DatabaseClient}: its mapping
	 * layers (a transaction lookup in the subscriber context, exception translation,
	 * columns found by name, timestamps through {@link OffsetDateTime}) cost more per row
	 * than the statement does (docs/performance.md, "Reads near the SQL"). A failure
	 * surfaces as the driver's {@code R2dbcException}, a statement not answered in time
	 * as {@link AnsweredStatements} says.
	 */
	private <T> Mono<List<T>> rows(String sql, int expected, Consumer<Statement> binding,
			Function<Readable, T> mapping) {
		return Mono.usingWhen(connections.create(), connection -> {
			Statement statement = connection.createStatement(sql);
			binding.accept(statement);
			return statements.answered(statement.execute())
				.concatMap(result -> result.map(mapping))
				.collect(() -> new ArrayList<T>(expected), List::add);
		}, Connection::close);
	}

	private static <T> Slice<T> slice(List<T> rows, int size, Function<T, Cursor> cursorOf) {
		if (rows.size() <= size) {
			return new Slice<>(rows, null);
		}
		List<T> page = rows.subList(0, size);
		return new Slice<>(List.copyOf(page), cursorOf.apply(page.get(size - 1)).encode());
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
