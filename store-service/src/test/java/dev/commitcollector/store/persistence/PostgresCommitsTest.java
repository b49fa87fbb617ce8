package dev.commitcollector.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.commitcollector.store.Events;
import dev.commitcollector.store.StoreIntegrationTest;
import dev.commitcollector.store.StoredCommits;
import dev.commitcollector.store.domain.AuthorIdentity;
import dev.commitcollector.store.domain.CommitRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PostgresCommitsTest extends StoreIntegrationTest {

	private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

	@Autowired
	private PostgresCommits commits;

	@Autowired
	private MeterRegistry meters;

	private final String repository = "acme/" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void copiesABatchOfNewCommitsStoringACommitItRepeatsOnce() {
		CommitRecord repeated = commit("Bob", "bob@example.org", null, 9);
		List<CommitRecord> batch = List.of(commit("Ada", "ada@example.org", null, 1),
				commit("Ada Byron", "ada@example.org", null, 3), repeated,
				commit("The Octocat", "cat@example.org", "octocat", 4),
				commit("Octo", "octo@example.org", "octocat", 5), repeated, commit("Ada", "ada@example.org", null, 2));
		double copiedBefore = written("copy");

		assertThat(commits.store(batch).block()).isEqualTo(6);

		assertThat(written("copy") - copiedBefore).isEqualTo(1);
		assertThat(StoredCommits.commits(repository)).isEqualTo(6);
		assertThat(StoredCommits.authors(repository)).containsExactly("email:ada@example.org=3",
				"email:bob@example.org=1", "login:octocat=2");
		assertThat(repositoryCounts()).isEqualTo("6 3");
		assertThat(author("email:ada@example.org"))
			.isEqualTo("Ada|Ada Byron ada@example.org null " + T0.plusSeconds(3).getEpochSecond());
		assertThat(author("login:octocat")).isEqualTo(
				"Octo|The Octocat cat@example.org|octo@example.org octocat " + T0.plusSeconds(5).getEpochSecond());
	}

	@Test
	void storesTheFirstOfTwoEventsForTheSameCommitInOneBatch() {
		CommitRecord first = commit("Ada", "ada@example.org", null, 1);
		CommitRecord again = new CommitRecord("github", repository, first.sha(), first.author(), "Augusta",
				first.authorEmail(), null, first.authoredAt(), first.committedAt(), "again", UUID.randomUUID(),
				UUID.randomUUID());
		List<CommitRecord> batch = List.of(commit("Bob", "bob@example.org", null, 2), first, again,
				commit("Grace", "grace@example.org", null, 3));

		assertThat(commits.store(batch).block()).isEqualTo(3);

		assertThat(StoredCommits.text("select author_name || ' ' || event_id from commits where sha = ?", first.sha()))
			.isEqualTo("Ada " + first.eventId());
		assertThat(author("email:ada@example.org"))
			.isEqualTo("Ada ada@example.org null " + T0.plusSeconds(1).getEpochSecond());
	}

	@Test
	void storesABatchThatRepeatsStoredCommitsThroughTheStatementCountingOnlyTheNewOnes() {
		List<CommitRecord> first = List.of(commit("Ada", "ada@example.org", null, 1),
				commit("Ada Byron", "ada@example.org", null, 2), commit("Bob", "bob@example.org", null, 3));
		List<CommitRecord> second = List.of(first.get(1), commit("Augusta", "ada@example.org", null, 7), first.get(2),
				commit("Grace", "grace@example.org", null, 0));
		assertThat(commits.store(first).block()).isEqualTo(3);
		double copiedBefore = written("copy");
		double statementsBefore = written("statement");

		assertThat(commits.store(second).block()).isEqualTo(2);
		assertThat(commits.store(second).block()).isZero();

		assertThat(written("statement") - statementsBefore).isEqualTo(2);
		assertThat(written("copy") - copiedBefore).isZero();
		assertThat(StoredCommits.commits(repository)).isEqualTo(5);
		assertThat(StoredCommits.authors(repository)).containsExactly("email:ada@example.org=3",
				"email:bob@example.org=1", "email:grace@example.org=1");
		assertThat(repositoryCounts()).isEqualTo("5 3");
		assertThat(author("email:ada@example.org"))
			.isEqualTo("Ada|Ada Byron|Augusta ada@example.org null " + T0.plusSeconds(7).getEpochSecond());
	}

	@Test
	void storesTextThatCopyMustEscapeExactlyAsSent() {
		String name = "C:\\new\\ \\N ü 李 \uD83D\uDE00";
		CommitRecord commit = new CommitRecord("github", repository, Events.randomSha(),
				AuthorIdentity.of(null, "back\\slash@example.org"), name, "back\\slash@example.org", null, T0, T0,
				"\\. a headline\\", UUID.randomUUID(), UUID.randomUUID());

		assertThat(commits.store(List.of(commit)).block()).isEqualTo(1);

		assertThat(StoredCommits.text("select author_name || '|' || author_key || '|' || message_headline || '|'"
				+ " || coalesce(author_login, 'null') from commits where repository = ?", repository))
			.isEqualTo(name + "|email:back\\slash@example.org|\\. a headline\\|null");
	}

	@Test
	void fallsBackToTheStatementWhenAConcurrentWriterStoresOneOfTheCommitsFirstAndStoresEachOnce() throws Exception {
		List<CommitRecord> batch = List.of(commit("Ada", "ada@example.org", null, 1),
				commit("Ada", "ada@example.org", null, 2), commit("Bob", "bob@example.org", null, 3),
				commit("Bob", "bob@example.org", null, 4));
		double copiedBefore = written("copy");
		double statementsBefore = written("statement");
		CompletableFuture<Long> stored;
		try (Connection other = StoredCommits.connection()) {
			other.setAutoCommit(false);
			insert(other, batch.get(2));
			stored = commits.store(batch).toFuture();
			// the COPY waits on the other writer's uncommitted row, then meets its
			// primary key
			await().atMost(Duration.ofSeconds(30))
				.until(() -> StoredCommits.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
						+ " and query like 'copy commits%'") == 1);
			other.commit();
		}

		assertThat(stored.get(30, TimeUnit.SECONDS)).isEqualTo(3);
		assertThat(written("statement") - statementsBefore).isEqualTo(1);
		assertThat(written("copy") - copiedBefore).isZero();
		assertThat(StoredCommits.commits(repository)).isEqualTo(4);
		assertThat(StoredCommits.authors(repository)).containsExactly("email:ada@example.org=2",
				"email:bob@example.org=1");
		assertThat(repositoryCounts()).isEqualTo("3 2");
	}

	private CommitRecord commit(String name, String email, String login, int second) {
		return new CommitRecord("github", repository, Events.randomSha(), AuthorIdentity.of(login, email), name, email,
				login, T0.plusSeconds(second), T0.plusSeconds(second + 60), "Commit " + second, UUID.randomUUID(),
				UUID.randomUUID());
	}

	private static void insert(Connection connection, CommitRecord commit) throws Exception {
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into commits (provider, repository, sha, author_key, author_name, author_email, authored_at,"
						+ " committed_at, event_id, fetch_id) values (?, ?, ?, ?, ?, ?, ?::timestamptz,"
						+ " ?::timestamptz, ?::uuid, ?::uuid)")) {
			insert.setString(1, commit.provider());
			insert.setString(2, commit.repository());
			insert.setString(3, commit.sha());
			insert.setString(4, commit.author().key());
			insert.setString(5, commit.authorName());
			insert.setString(6, commit.authorEmail());
			insert.setString(7, commit.authoredAt().toString());
			insert.setString(8, commit.committedAt().toString());
			insert.setString(9, commit.eventId().toString());
			insert.setString(10, commit.fetchId().toString());
			insert.executeUpdate();
		}
	}

	private double written(String path) {
		return meters.get("store.batches.written").tag("path", path).counter().count();
	}

	private String repositoryCounts() {
		return StoredCommits.text(
				"select commit_count || ' ' || author_count from repositories where provider = 'github' and repository = ?",
				repository);
	}

	/** names, emails, login and last authored_at (epoch seconds) of one author. */
	private String author(String key) {
		return StoredCommits.text("select array_to_string(names, '|') || ' ' || array_to_string(emails, '|') || ' '"
				+ " || coalesce(login, 'null') || ' ' || extract(epoch from last_authored_at)::bigint"
				+ " from authors where repository = ? and author_key = ?", repository, key);
	}

}
