package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.commitcollector.localstack.SyntheticHistory.Commit;

/**
 * What the running stack holds for one repository, read over JDBC as the schema owner:
 * the store's {@code commits}, {@code authors} and {@code repositories}, and what the
 * fetcher remembers having published ({@code fetcher.published_commits},
 * {@code fetcher.repositories}).
 */
final class StoredCommits {

	private final EmbeddedPostgresServer postgres;

	private final String provider;

	StoredCommits(EmbeddedPostgresServer postgres, String provider) {
		this.postgres = postgres;
		this.provider = provider;
	}

	/** Commits of {@code repository} in the store now. */
	long count(String repository) throws Exception {
		return count("select count(*) from commits where provider = ? and repository = ?", repository);
	}

	/**
	 * Commits of {@code repository} whose transaction began before {@code instant}
	 * ({@code stored_at} is the storing transaction's {@code now()}).
	 */
	long storedBefore(String repository, Instant instant) throws Exception {
		return count("select count(*) from commits where provider = ? and repository = ? and stored_at < '" + instant
				+ "'::timestamptz", repository);
	}

	/** The shas the fetcher remembers having published for {@code repository}. */
	Set<String> remembered(String repository) throws Exception {
		return shas("select sha from fetcher.published_commits where provider = ? and repository = ?", repository);
	}

	/**
	 * How deep the fetcher's memory of {@code repository} reaches (0 when it has none).
	 */
	long rememberedDepth(String repository) throws Exception {
		return count("select depth from fetcher.repositories where provider = ? and repository = ?", repository);
	}

	/**
	 * Asserts that the store holds every commit of {@code history} exactly once, that
	 * each author's {@code commit_count} equals both the count of their rows in
	 * {@code commits} and the count in the history, and that the repository's
	 * {@code commit_count} and {@code author_count} are the true counts; returns the
	 * figures.
	 */
	Tally assertExactly(StubForge.Repository history, Function<Commit, String> authorKey) throws Exception {
		String repository = history.path();
		Set<String> expectedShas = history.commits().stream().map(Commit::sha).collect(Collectors.toSet());
		Map<String, Long> expectedByAuthor = history.commits()
			.stream()
			.collect(Collectors.groupingBy(authorKey, Collectors.counting()));
		long rows = count("select count(*) from commits where provider = ? and repository = ?", repository);
		Set<String> stored = shas("select sha from commits where provider = ? and repository = ?", repository);
		Set<String> lost = new HashSet<>(expectedShas);
		lost.removeAll(stored);
		Tally tally = new Tally(expectedShas.size(), rows, stored.size(), lost.size(), rows - stored.size(),
				expectedByAuthor.size());

		assertThat(lost).as("commits lost").isEmpty();
		assertThat(stored).as("no commit that is not in the history").isEqualTo(expectedShas);
		assertThat(rows).as("rows in commits").isEqualTo(expectedShas.size());
		assertThat(counts("select author_key, count(*) from commits where provider = ? and repository = ? "
				+ "group by author_key", repository))
			.as("rows per author in commits")
			.isEqualTo(expectedByAuthor);
		assertThat(counts("select author_key, commit_count from authors where provider = ? and repository = ?",
				repository))
			.as("authors.commit_count")
			.isEqualTo(expectedByAuthor);
		assertThat(counts("select 'commits', commit_count from repositories where provider = ? and repository = ? "
				+ "union all select 'authors', author_count from repositories where provider = ? and repository = ?",
				repository))
			.as("repositories.commit_count and author_count")
			.isEqualTo(Map.of("commits", (long) expectedShas.size(), "authors", (long) expectedByAuthor.size()));
		return tally;
	}

	/** The single number {@code sql} selects, or 0 when it selects no row. */
	private long count(String sql, String repository) throws Exception {
		long[] value = { 0 };
		query(sql, repository, rows -> value[0] = rows.getLong(1));
		return value[0];
	}

	private Set<String> shas(String sql, String repository) throws Exception {
		Set<String> values = new HashSet<>();
		query(sql, repository, rows -> values.add(rows.getString(1)));
		return values;
	}

	private Map<String, Long> counts(String sql, String repository) throws Exception {
		Map<String, Long> counts = new HashMap<>();
		query(sql, repository, rows -> counts.put(rows.getString(1), rows.getLong(2)));
		return counts;
	}

	/**
	 * Runs {@code sql} with each {@code ?} pair bound to this provider and
	 * {@code repository}.
	 */
	private void query(String sql, String repository, Row row) throws Exception {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.OWNER,
				EmbeddedPostgresServer.OWNER_PASSWORD);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 1; i < sql.chars().filter(c -> c == '?').count(); i += 2) {
				statement.setString(i, provider);
				statement.setString(i + 1, repository);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					row.accept(rows);
				}
			}
		}
	}

	private interface Row {

		void accept(ResultSet row) throws Exception;

	}

	/**
	 * The figures of one check: commits in the history, rows stored, distinct shas
	 * stored, commits lost, rows duplicated, authors.
	 */
	record Tally(long expected, long rows, long distinct, long lost, long duplicated, long authors) {

		@Override
		public String toString() {
			return "%d commits in the history, %d stored (%d distinct), lost %d, duplicated %d, %d authors' counts exact"
				.formatted(expected, rows, distinct, lost, duplicated, authors);
		}

	}

}
