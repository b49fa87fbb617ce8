package dev.commitcollector.query.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.commitcollector.query.domain.AuthorCommits.CommitRef;
import dev.commitcollector.query.domain.CommitEntry;
import dev.commitcollector.query.domain.CommitRole;
import dev.commitcollector.query.domain.Identity;
import dev.commitcollector.query.domain.IdentityMerge;
import dev.commitcollector.query.domain.Mailmap;
import dev.commitcollector.query.domain.Person;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.Slice;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The merged view and the co-author reads. A repository's people are computed per request
 * from two indexed reads, its identities (authors with their co-authored counts, and
 * co-authors who never authored) and its mailmap row, then folded in memory
 * ({@link IdentityMerge}): O(identities + mailmap entries) per request, a few
 * milliseconds for git/git's ~2,500 authors. Pages of people are keyset pages over that
 * list, with the raw view's cursor form, so they are consistent while the store is idle.
 */
@Repository
public class IdentitiesReadModel {

	private final DatabaseClient db;

	private final NoreplySettings noreply;

	IdentitiesReadModel(DatabaseClient db, NoreplySettings noreply) {
		this.db = db;
		this.noreply = noreply;
	}

	/** A repository's people, most commits first, ties by key. */
	public Mono<List<Person>> people(RepositoryKey repository) {
		return identities(repository)
			.zipWith(mailmap(repository),
					(identities, mailmap) -> IdentityMerge.people(identities, mailmap,
							noreply.ruleFor(repository.provider())))
			.flatMap(people -> withCoAuthoredCounted(repository, people));
	}

	/**
	 * A person of several keys co-authored the distinct commits that credit any of them
	 * and that none of them authored: not the sum of their keys' counts, which counts a
	 * commit crediting two of their addresses twice, and one of their own commits that
	 * credits another of their addresses (a noreply one) at all. One read of those keys'
	 * credits, only when some person needs it.
	 */
	private Mono<List<Person>> withCoAuthoredCounted(RepositoryKey repository, List<Person> people) {
		List<String> keys = people.stream()
			.filter(person -> person.keys().size() > 1 && person.coAuthoredCount() > 0)
			.flatMap(person -> person.keys().stream())
			.toList();
		if (keys.isEmpty()) {
			return Mono.just(people);
		}
		return db.sql("""
				select ca.author_key, ca.sha, c.author_key as commit_author from commit_co_authors ca
				join commits c on c.provider = ca.provider and c.repository = ca.repository and c.sha = ca.sha
				where ca.provider = $1 and ca.repository = $2 and ca.author_key = any($3)""")
			.bind(0, repository.provider())
			.bind(1, repository.path())
			.bind(2, keys.toArray(String[]::new))
			.map(row -> new IdentityMerge.Credit(row.get("author_key", String.class), row.get("sha", String.class),
					row.get("commit_author", String.class)))
			.all()
			.collectList()
			.map(credits -> IdentityMerge.coAuthoredCounted(people, credits));
	}

	/**
	 * A keyset page of a repository's people; {@code filter} keeps those whose key, a
	 * name or an email contains it, ignoring case.
	 */
	public static Slice<Person> page(List<Person> people, String after, int size, String filter) {
		Cursor from = after == null ? null : Cursor.decode(after);
		long count = from == null ? Long.MAX_VALUE : from.count();
		String needle = filter == null || filter.isBlank() ? null : folded(filter.strip());
		List<Person> rows = people.stream()
			.filter(p -> from == null || p.commitCount() < count
					|| (p.commitCount() == count && p.key().compareTo(from.second()) > 0))
			.filter(p -> needle == null || matches(p, needle))
			.limit(size + 1L)
			.toList();
		if (rows.size() <= size) {
			return new Slice<>(rows, null);
		}
		Person last = rows.get(size - 1);
		return new Slice<>(rows.subList(0, size), new Cursor(String.valueOf(last.commitCount()), last.key()).encode());
	}

	/**
	 * The raw keys of the person {@code author} is one of; just {@code author} if none.
	 */
	public static List<String> keysOf(List<Person> people, String author) {
		return people.stream()
			.filter(p -> p.keys().contains(author))
			.findFirst()
			.map(Person::keys)
			.orElse(List.of(author));
	}

	/**
	 * The commits of any of {@code keys} in the given role, newest first (ties by sha,
	 * descending), each once: the newest {@code size + 1} of each role through its index,
	 * then merged.
	 */
	public Mono<Slice<CommitEntry>> commits(RepositoryKey repository, List<String> keys, CommitRole role, String after,
			int size) {
		Cursor from = after == null ? Cursor.NEWEST : Cursor.decode(after);
		return db.sql("""
				select sha, authored_at, committed_at, message_headline from commits
				where provider = $1 and repository = $2 and (authored_at, sha) < ($4, $5) and sha in (
				    (select sha from commits
				     where $7 and provider = $1 and repository = $2 and author_key = any($3)
				       and (authored_at, sha) < ($4, $5)
				     order by authored_at desc, sha desc limit $6)
				    union
				    (select sha from commit_co_authors ca
				     where $8 and provider = $1 and repository = $2 and author_key = any($3)
				       and (authored_at, sha) < ($4, $5)
				       and not exists (select from commits own
				                       where own.provider = $1 and own.repository = $2 and own.sha = ca.sha
				                         and own.author_key = any($3))
				     order by authored_at desc, sha desc limit $6))
				order by authored_at desc, sha desc
				limit $6""")
			.bind(0, repository.provider())
			.bind(1, repository.path())
			.bind(2, keys.toArray(String[]::new))
			.bind(3, from.date())
			.bind(4, from.second())
			.bind(5, size + 1)
			.bind(6, role != CommitRole.COAUTHOR)
			.bind(7, role != CommitRole.AUTHOR)
			.map(row -> new CommitEntry(row.get("sha", String.class), row.get("authored_at", Instant.class),
					row.get("committed_at", Instant.class), row.get("message_headline", String.class)))
			.all()
			.collectList()
			.map(rows -> rows.size() <= size ? new Slice<>(rows, null) : new Slice<>(List.copyOf(rows.subList(0, size)),
					new Cursor(rows.get(size - 1).authoredAt().toString(), rows.get(size - 1).sha()).encode()));
	}

	/**
	 * Every commit of any of {@code keys}, newest first, read through a cursor as the
	 * subscriber asks, as {@link AuthorsReadModel#commitsOf} reads one author's.
	 */
	public Flux<CommitRef> commitsOf(RepositoryKey repository, List<String> keys) {
		return db.sql("""
				select sha, authored_at from commits
				where provider = $1 and repository = $2 and author_key = any($3)
				order by authored_at desc, sha desc""")
			.filter(statement -> statement.fetchSize(AuthorsReadModel.FETCH_SIZE))
			.bind(0, repository.provider())
			.bind(1, repository.path())
			.bind(2, keys.toArray(String[]::new))
			.map(row -> new CommitRef(row.get("sha", String.class), row.get("authored_at", Instant.class)))
			.all();
	}

	private Mono<List<Identity>> identities(RepositoryKey repository) {
		return db.sql("""
				select a.author_key, a.login, a.names, a.emails, a.commit_count,
				       coalesce(c.co_authored_count, 0) as co_authored_count, a.last_authored_at
				from authors a
				left join co_authors c
				  on c.provider = a.provider and c.repository = a.repository and c.author_key = a.author_key
				where a.provider = $1 and a.repository = $2
				union all
				select c.author_key, null, c.names, c.emails, 0, c.co_authored_count, null
				from co_authors c
				where c.provider = $1 and c.repository = $2
				  and not exists (select from authors a
				                  where a.provider = c.provider and a.repository = c.repository
				                    and a.author_key = c.author_key)""")
			.bind(0, repository.provider())
			.bind(1, repository.path())
			.map(row -> new Identity(row.get("author_key", String.class), row.get("login", String.class),
					Arrays.asList(row.get("names", String[].class)), Arrays.asList(row.get("emails", String[].class)),
					row.get("commit_count", Long.class), row.get("co_authored_count", Long.class),
					row.get("last_authored_at", Instant.class)))
			.all()
			.collectList();
	}

	private Mono<Mailmap> mailmap(RepositoryKey repository) {
		return db.sql("""
				select proper_names, proper_emails, commit_names, commit_emails from mailmaps
				where provider = $1 and repository = $2""")
			.bind(0, repository.provider())
			.bind(1, repository.path())
			.map(IdentitiesReadModel::mailmapOf)
			.one()
			.defaultIfEmpty(Mailmap.NONE);
	}

	private static Mailmap mailmapOf(Readable row) {
		String[] properNames = row.get("proper_names", String[].class);
		String[] properEmails = row.get("proper_emails", String[].class);
		String[] commitNames = row.get("commit_names", String[].class);
		String[] commitEmails = row.get("commit_emails", String[].class);
		List<Mailmap.Entry> entries = new ArrayList<>(commitEmails.length);
		for (int i = 0; i < commitEmails.length; i++) {
			entries.add(new Mailmap.Entry(properNames[i], properEmails[i], commitNames[i], commitEmails[i]));
		}
		return new Mailmap(entries);
	}

	private static boolean matches(Person person, String needle) {
		return person.keys().stream().anyMatch(k -> folded(k).contains(needle))
				|| person.names().stream().anyMatch(n -> folded(n).contains(needle))
				|| person.emails().stream().anyMatch(e -> folded(e).contains(needle));
	}

	/**
	 * {@code text} lowercased a character at a time, as PostgreSQL's {@code ILIKE}
	 * compares in the raw view: {@code String.toLowerCase} turns {@code İ} into two
	 * characters (i and a combining dot), which matched almost nothing where the raw view
	 * matched every i.
	 */
	static String folded(String text) {
		StringBuilder lower = new StringBuilder(text.length());
		text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
		return lower.toString();
	}

}
