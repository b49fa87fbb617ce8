package dev.commitcollector.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The role the query-service connects as, set up by the store's migrations, may read the
 * store and nothing else.
 */
class ReadOnlyRoleTest {

	/** PostgreSQL's SQLSTATE for "insufficient privilege". */
	private static final String PERMISSION_DENIED = "42501";

	@BeforeEach
	void storeSomeCommits() {
		aRepository("github", "acme/guarded")
			.commit("g1", "ada", "ada-l", "Ada", "ada@example.org", Instant.parse("2024-02-01T00:00:00Z"))
			.commit("g2", "bob", "bob-b", "Bob", "bob@example.org", Instant.parse("2024-02-02T00:00:00Z"))
			.store();
	}

	@Test
	void readsTheCommitsTheAuthorsAndTheRepositories() throws SQLException {
		try (Connection reader = TestInfrastructure.database().asReader()) {
			assertThat(count(reader, "select count(*) from commits where repository = 'acme/guarded'")).isEqualTo(2);
			assertThat(count(reader, "select count(*) from authors where repository = 'acme/guarded'")).isEqualTo(2);
			assertThat(count(reader, "select commit_count from repositories where repository = 'acme/guarded'"))
				.isEqualTo(2);
			assertThat(count(reader, "select count(*) from commit_co_authors where repository = 'acme/guarded'"))
				.isZero();
			assertThat(count(reader, "select count(*) from co_authors where repository = 'acme/guarded'")).isZero();
			assertThat(count(reader, "select count(*) from mailmaps where repository = 'acme/guarded'")).isZero();
		}
	}

	@ParameterizedTest
	@MethodSource("changes")
	void isDeniedAnyChangeToTheStore(String change) throws SQLException {
		try (Connection reader = TestInfrastructure.database().asReader(); Statement sql = reader.createStatement()) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> sql.execute(change))
				.satisfies(denied -> assertThat(denied.getSQLState()).as(denied.getMessage())
					.isEqualTo(PERMISSION_DENIED));
		}
	}

	static Stream<Named<String>> changes() {
		return Stream.of(Named.of("insert into commits",
				"""
						insert into commits (provider, repository, sha, author_key, authored_at, committed_at, event_id, fetch_id)
						values ('github', 'acme/guarded', 'forged', 'mallory', now(), now(), gen_random_uuid(), gen_random_uuid())"""),
				Named.of("update commits",
						"update commits set author_key = 'mallory' where repository = 'acme/guarded'"),
				Named.of("delete from commits", "delete from commits where repository = 'acme/guarded'"),
				Named.of("insert into authors", """
						insert into authors (provider, repository, author_key, commit_count, last_authored_at)
						values ('github', 'acme/guarded', 'mallory', 1000, now())"""),
				Named.of("update authors", "update authors set commit_count = 1000 where repository = 'acme/guarded'"),
				Named.of("delete from authors", "delete from authors where repository = 'acme/guarded'"),
				Named.of("insert into repositories", """
						insert into repositories (provider, repository, commit_count, author_count, last_stored_at)
						values ('github', 'acme/forged', 1, 1, now())"""),
				Named.of("update repositories",
						"update repositories set commit_count = 0 where repository = 'acme/guarded'"),
				Named.of("delete from repositories", "delete from repositories where repository = 'acme/guarded'"),
				Named.of("truncate the store", "truncate commits, authors, repositories"),
				Named.of("delete co-authors", "delete from commit_co_authors"),
				Named.of("update co-authored counts", "update co_authors set co_authored_count = 1000"),
				Named.of("delete mailmaps", "delete from mailmaps"),
				Named.of("create table in public", "create table public.planted (id int)"));
	}

	private static long count(Connection connection, String query) throws SQLException {
		try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
			assertThat(rows.next()).as("a row from " + query).isTrue();
			return rows.getLong(1);
		}
	}

}
