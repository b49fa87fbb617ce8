package dev.commitcollector.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.commitcollector.store.Events;
import dev.commitcollector.store.StoreIntegrationTest;
import dev.commitcollector.store.StoredCommits;
import dev.commitcollector.store.domain.AuthorIdentity;
import dev.commitcollector.store.domain.CommitRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Two or more transactions storing the same repository at once, on real PostgreSQL: the
 * store writes two write batches of a poll side by side, and a rebalance can hand a
 * partition to a second writer. Their author rows are locked in key order, so they wait
 * for each other instead of deadlocking, and every count stays exact.
 */
class ConcurrentWritersTest extends StoreIntegrationTest {

	private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

	@Autowired
	private PostgresCommits commits;

	@Autowired
	private DatabaseClient db;

	private final String repository = "acme/" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void locksTheAuthorsOfABatchInKeyOrderWhateverOrderItsCommitsCameIn() throws Exception {
		commits.store(List.of(commit("a"), commit("m"), commit("z"))).block();
		CompletableFuture<Long> stored;
		try (Connection other = StoredCommits.connection(); Connection probe = StoredCommits.connection()) {
			other.setAutoCommit(false);
			execute(other, "update authors set commit_count = commit_count where repository = '" + repository
					+ "' and author_key = 'email:m@example.org'");
			stored = commits.store(List.of(commit("z"), commit("a"), commit("m"))).toFuture();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> StoredCommits.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
						+ " and query like '%authors_upserted%'") == 1);

			assertThat(lockable(probe, "email:a@example.org")).as("a, before m, is locked").isFalse();
			assertThat(lockable(probe, "email:z@example.org")).as("z, after m, is not locked yet").isTrue();
			other.commit();
		}

		assertThat(stored.get(30, TimeUnit.SECONDS)).isEqualTo(3);
		assertThat(StoredCommits.authors(repository)).containsExactly("email:a@example.org=2", "email:m@example.org=2",
				"email:z@example.org=2");
	}

	@Test
	void givesUpWaitingForALockThatAFrozenWriterHoldsSoThatTheBatchIsTriedAgain() throws Exception {
		commits.store(List.of(commit("a"))).block();
		try (Connection frozen = StoredCommits.connection()) {
			frozen.setAutoCommit(false);
			execute(frozen, "update authors set commit_count = commit_count where repository = '" + repository + "'");

			// without a lock timeout the write would wait for the frozen one as long as
			// it
			// is frozen
			assertThatThrownBy(() -> commits.store(List.of(commit("a"))).block(Duration.ofSeconds(60)))
				.satisfies(failure -> assertThat(SqlStates.of(failure)).as(failure.toString()).isEqualTo("55P03"));
			frozen.rollback();
		}
		assertThat(commits.store(List.of(commit("a"))).block(Duration.ofSeconds(30))).isEqualTo(1);
	}

	@Test
	void endsASessionLeftIdleInATransaction() {
		assertThat(db.sql("show idle_in_transaction_session_timeout")
			.map(row -> row.get(0, String.class))
			.one()
			.block(Duration.ofSeconds(10))).isEqualTo("1min");
	}

	@Test
	void storesEveryCommitOnceWhenManyBatchesOfOneRepositoryAreWrittenAtOnce() {
		Random random = new Random(42);
		List<CommitRecord> history = new ArrayList<>();
		for (int i = 0; i < 1_600; i++) {
			history.add(commit("author" + random.nextInt(60)));
		}
		List<List<CommitRecord>> batches = new ArrayList<>();
		for (int from = 0; from < history.size(); from += 200) {
			List<CommitRecord> batch = new ArrayList<>(history.subList(from, from + 200));
			// some commits of the next batch too, as a redelivery or a second writer
			// brings
			batch.addAll(history.subList((from + 200) % history.size(), (from + 200) % history.size() + 20));
			Collections.shuffle(batch, random);
			batches.add(batch);
		}

		Long stored = Flux.fromIterable(batches)
			.flatMap(batch -> commits.store(batch).subscribeOn(Schedulers.boundedElastic()), batches.size())
			.reduce(0L, Long::sum)
			.block(Duration.ofSeconds(60));

		assertThat(stored).isEqualTo(history.size());
		assertThat(StoredCommits.commits(repository)).isEqualTo(history.size());
		assertThat(StoredCommits.authors(repository)).containsExactlyInAnyOrderElementsOf(expectedAuthors(history));
		assertThat(StoredCommits.text("select commit_count || ' ' || author_count from repositories"
				+ " where provider = 'github' and repository = ?", repository))
			.isEqualTo(history.size() + " " + expectedAuthors(history).size());
	}

	/** "key=count" per author of the history. */
	private static List<String> expectedAuthors(List<CommitRecord> history) {
		Map<String, Integer> counts = new HashMap<>();
		history.forEach(commit -> counts.merge(commit.author().key(), 1, Integer::sum));
		return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
	}

	/** Whether {@code probe} can lock the author row now, without waiting. */
	private boolean lockable(Connection probe, String authorKey) throws SQLException {
		probe.setAutoCommit(false);
		try (PreparedStatement lock = probe.prepareStatement(
				"select 1 from authors where provider = 'github' and repository = ? and author_key = ? for update nowait")) {
			lock.setString(1, repository);
			lock.setString(2, authorKey);
			lock.executeQuery().close();
			return true;
		}
		catch (SQLException ex) {
			assertThat(ex.getSQLState()).as("lock_not_available, not another failure: " + ex).isEqualTo("55P03");
			return false;
		}
		finally {
			probe.rollback();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private CommitRecord commit(String author) {
		String email = author + "@example.org";
		return new CommitRecord("github", repository, Events.randomSha(), AuthorIdentity.of(null, email), author, email,
				null, T0, T0.plusSeconds(60), "Commit by " + author, UUID.randomUUID(), UUID.randomUUID());
	}

}
