package dev.commitcollector.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Puts a repository's commits into the store the way the store-service does: the commits,
 * and the {@code authors} and {@code repositories} rows derived from them as its batch
 * statement derives them (login the greatest one seen, names and emails distinct and
 * non-empty, counts of the stored commits). Replaces whatever the store held for that
 * repository, so each test sees only its own rows.
 */
public final class StoredCommits {

	private static final AtomicLong SHAS = new AtomicLong();

	private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

	private final String provider;

	private final String repository;

	private final List<Commit> commits = new ArrayList<>();

	private final List<CoAuthor> coAuthors = new ArrayList<>();

	private final List<String[]> mailmap = new ArrayList<>();

	/**
	 * Whether a read of the mailmap is stored: with its lines, or as a file not there.
	 */
	private boolean mailmapRead;

	private boolean mailmapPresent;

	private StoredCommits(String provider, String repository) {
		this.provider = provider;
		this.repository = repository;
	}

	public static StoredCommits aRepository(String provider, String repository) {
		return new StoredCommits(provider, repository);
	}

	public StoredCommits commit(String sha, String authorKey, String login, String name, String email,
			Instant authoredAt) {
		commits.add(new Commit(sha, authorKey, login, name, email, authoredAt));
		return this;
	}

	/**
	 * {@code count} commits by an author whose identity does not matter to the test, one
	 * day apart.
	 */
	public StoredCommits commitsBy(String authorKey, int count) {
		for (int i = 0; i < count; i++) {
			commit(String.format("%040x", SHAS.incrementAndGet()), authorKey, authorKey, authorKey,
					authorKey + "@example.org", EPOCH.plusSeconds(86_400L * i));
		}
		return this;
	}

	/**
	 * A co-author of the commit {@code sha} (added before), keyed as the store keys a
	 * trailer: {@code email:<lowercased email>}.
	 */
	public StoredCommits coAuthor(String sha, String name, String email) {
		Commit commit = commits.stream().filter(c -> c.sha().equals(sha)).findFirst().orElseThrow();
		coAuthors.add(new CoAuthor(sha, "email:" + email.strip().toLowerCase(java.util.Locale.ROOT), name, email,
				commit.authoredAt()));
		return this;
	}

	/**
	 * A line of the repository's mailmap as the store keeps it parsed; {@code null} for
	 * an absent part.
	 */
	public StoredCommits mailmap(String properName, String properEmail, String commitName, String commitEmail) {
		mailmap.add(new String[] { properName, properEmail, commitName, commitEmail });
		mailmapRead = true;
		mailmapPresent = true;
		return this;
	}

	/** A read of the mailmap that found none at the repository's head. */
	public StoredCommits noMailmap() {
		mailmapRead = true;
		mailmapPresent = false;
		return this;
	}

	public void store() {
		try (Connection connection = TestInfrastructure.database().asOwner()) {
			connection.setAutoCommit(false);
			forget(connection);
			insertCommits(connection);
			Map<String, List<Commit>> byAuthor = new LinkedHashMap<>();
			commits.forEach(c -> byAuthor.computeIfAbsent(c.authorKey(), k -> new ArrayList<>()).add(c));
			insertAuthors(connection, byAuthor);
			insertRepository(connection, byAuthor.size());
			insertCoAuthors(connection);
			if (mailmapRead) {
				insertMailmap(connection);
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not store the commits of " + repository, ex);
		}
	}

	private void forget(Connection connection) throws SQLException {
		for (String table : List.of("commits", "authors", "repositories", "commit_co_authors", "co_authors",
				"mailmaps")) {
			try (PreparedStatement delete = connection
				.prepareStatement("delete from " + table + " where provider = ? and repository = ?")) {
				delete.setString(1, provider);
				delete.setString(2, repository);
				delete.executeUpdate();
			}
		}
	}

	private void insertCommits(Connection connection) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into commits (provider, repository, sha, author_key, author_name, author_email, author_login,
				                     authored_at, committed_at, message_headline, event_id, fetch_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			UUID fetchId = UUID.randomUUID();
			for (Commit commit : commits) {
				insert.setString(1, provider);
				insert.setString(2, repository);
				insert.setString(3, commit.sha());
				insert.setString(4, commit.authorKey());
				insert.setString(5, commit.name());
				insert.setString(6, commit.email());
				insert.setString(7, commit.login());
				insert.setObject(8, timestamp(commit.authoredAt()));
				insert.setObject(9, timestamp(commit.authoredAt()));
				insert.setString(10, "commit " + commit.sha());
				insert.setObject(11, UUID.randomUUID());
				insert.setObject(12, fetchId);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private void insertAuthors(Connection connection, Map<String, List<Commit>> byAuthor) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into authors (provider, repository, author_key, login, names, emails, commit_count,
				                     last_authored_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
			for (var author : byAuthor.entrySet()) {
				List<Commit> theirs = author.getValue();
				insert.setString(1, provider);
				insert.setString(2, repository);
				insert.setString(3, author.getKey());
				insert.setString(4,
						theirs.stream()
							.map(Commit::login)
							.filter(Objects::nonNull)
							.max(Comparator.naturalOrder())
							.orElse(null));
				insert.setArray(5, connection.createArrayOf("text", distinctNonEmpty(theirs, Commit::name)));
				insert.setArray(6, connection.createArrayOf("text", distinctNonEmpty(theirs, Commit::email)));
				insert.setLong(7, theirs.size());
				insert.setObject(8, timestamp(
						theirs.stream().map(Commit::authoredAt).max(Comparator.naturalOrder()).orElseThrow()));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private void insertRepository(Connection connection, int authors) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into repositories (provider, repository, commit_count, author_count, last_stored_at)
				values (?, ?, ?, ?, now())""")) {
			insert.setString(1, provider);
			insert.setString(2, repository);
			insert.setLong(3, commits.size());
			insert.setLong(4, authors);
			insert.executeUpdate();
		}
	}

	private void insertCoAuthors(Connection connection) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into commit_co_authors (provider, repository, sha, author_key, name, email, authored_at)
				values (?, ?, ?, ?, ?, ?, ?)""")) {
			for (CoAuthor coAuthor : coAuthors) {
				insert.setString(1, provider);
				insert.setString(2, repository);
				insert.setString(3, coAuthor.sha());
				insert.setString(4, coAuthor.key());
				insert.setString(5, coAuthor.name());
				insert.setString(6, coAuthor.email());
				insert.setObject(7, timestamp(coAuthor.authoredAt()));
				insert.addBatch();
			}
			insert.executeBatch();
		}
		try (PreparedStatement derive = connection.prepareStatement("""
				insert into co_authors (provider, repository, author_key, names, emails, co_authored_count,
				                        last_co_authored_at)
				select provider, repository, author_key,
				       coalesce(array_agg(distinct name) filter (where name <> ''), '{}'),
				       coalesce(array_agg(distinct email) filter (where email <> ''), '{}'),
				       count(*), max(authored_at)
				from commit_co_authors where provider = ? and repository = ?
				group by provider, repository, author_key""")) {
			derive.setString(1, provider);
			derive.setString(2, repository);
			derive.executeUpdate();
		}
	}

	private void insertMailmap(Connection connection) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into mailmaps (provider, repository, sha, event_id, fetch_id, discovered_at, present, truncated,
				                      proper_names, proper_emails, commit_names, commit_emails)
				values (?, ?, null, gen_random_uuid(), gen_random_uuid(), now(), ?, false, ?, ?, ?, ?)""")) {
			insert.setString(1, provider);
			insert.setString(2, repository);
			insert.setBoolean(3, mailmapPresent);
			for (int part = 0; part < 4; part++) {
				int p = part;
				insert.setArray(4 + part, connection.createArrayOf("text", mailmap.stream().map(e -> e[p]).toArray()));
			}
			insert.executeUpdate();
		}
	}

	private static Object[] distinctNonEmpty(List<Commit> commits, Function<Commit, String> field) {
		TreeSet<String> values = new TreeSet<>();
		commits.stream().map(field).filter(v -> v != null && !v.isEmpty()).forEach(values::add);
		return values.toArray();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Commit(String sha, String authorKey, String login, String name, String email, Instant authoredAt) {
	}

	private record CoAuthor(String sha, String key, String name, String email, Instant authoredAt) {
	}

}
