package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.commitcollector.localstack.StoredCommits.Tally;
import dev.commitcollector.localstack.SyntheticHistory.Commit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Faults across processes, on real servers: the store killed with SIGKILL while it
 * ingests, the Kafka broker (its own process here) killed in the middle of a fetch, the
 * fetcher killed in the middle of a fetch, PostgreSQL stopped and started again while the
 * store ingests. After each, every commit is stored exactly once and every count is the
 * true one, checked over JDBC against the stub's history. One stack serves all four; each
 * test leaves it whole, and checks that the repositories of the tests before it are still
 * exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSystemTest {

	private static final Logger log = LoggerFactory.getLogger(FaultSystemTest.class);

	private static final Duration BOUND = StackClient.BOUND;

	private static final Duration OFTEN = Duration.ofMillis(20);

	private static StubGitHub github;

	private static KafkaBrokerProcess broker;

	private static LocalStack stack;

	private static StackClient client;

	private static StoredCommits store;

	private static final List<StubForge.Repository> verified = new ArrayList<>();

	private Instant began;

	@BeforeAll
	static void start() throws Exception {
		// the histories verified belong to the stack that stored them: a rerun of a
		// failed
		// test starts a new one
		verified.clear();
		github = new StubGitHub();
		github.add("faults/store-kills", 50_000, 300, Duration.ZERO);
		github.add("faults/postgres-restart", 20_000, 120, Duration.ZERO);
		github.add("faults/broker-restart", 20_000, 120, Duration.ZERO);
		github.add("faults/fetcher-kill", 20_000, 120, Duration.ZERO);
		github.add("faults/after-postgres-restart", 100, 7, Duration.ZERO);
		Path home = LocalStack.home();
		broker = KafkaBrokerProcess.start(LocalStack.logs(home).resolve("kafka.log"), 6, LocalStack.TOPIC);
		// a killed store's consumers keep their partitions until their session times out
		// (45 s by default) and only then does the restarted store get them; 10 s keeps
		// three kills in budget
		stack = LocalStack.start(home, StackClient.freePorts(), Map.of("GITHUB_API_URL", github.apiUrl(),
				"GITHUB_TOKEN", "", "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "10000"), broker);
		client = new StackClient(stack);
		store = new StoredCommits(stack.postgres(), "github");
	}

	@AfterAll
	static void stop() throws Exception {
		if (stack != null) {
			stack.close();
		}
		github.close();
	}

	@AfterEach
	void stillExact() throws Exception {
		for (StubForge.Repository earlier : verified) {
			store.assertExactly(earlier, github::authorKey);
		}
	}

	@Test
	@Order(1)
	void storesEachCommitOnceWhenTheStoreIsKilledThreeTimesWhileIngesting() throws Exception {
		StubForge.Repository history = begin("faults/store-kills");
		int size = history.commits().size();
		String id = client.fetch("github", history.path(), size);
		List<Long> storedAtKills = new ArrayList<>();
		for (int kill = 1; kill <= 3; kill++) {
			long threshold = size * kill / 4L;
			await().atMost(BOUND)
				.pollInterval(OFTEN)
				.until(() -> running(stack.store()) && store.count(history.path()) >= threshold);
			stack.store().kill();
			long stored = store.count(history.path());
			assertThat(stored).as("killed in the middle of ingesting").isBetween(1L, size - 1L);
			storedAtKills.add(stored);
			stack.store().start();
			stack.store().awaitReady(LocalStack.READY_TIMEOUT);
		}
		client.awaitCompleted(id);
		client.awaitStored();

		Tally tally = store.assertExactly(history, github::authorKey);
		done(history, "store-service killed with SIGKILL 3 times while ingesting (stored at the kills: " + storedAtKills
				+ ")", tally);
	}

	@Test
	@Order(2)
	void storesEachCommitOnceWhenTheBrokerIsKilledAndRestartedInTheMiddleOfAFetch() throws Exception {
		StubForge.Repository history = begin("faults/broker-restart");
		int size = history.commits().size();
		String id = client.fetch("github", history.path(), size);
		await().atMost(BOUND)
			.pollInterval(OFTEN)
			.until(() -> running(stack.store()) && store.count(history.path()) >= size / 4);
		broker.kill();
		long storedAtKill = store.count(history.path());

		// nothing can be acknowledged while the broker is away, so the fetch cannot have
		// completed
		await().during(Duration.ofSeconds(5))
			.atMost(Duration.ofSeconds(30))
			.until(() -> !client.fetchStatus(id).get("status").asString().equals("COMPLETED"));
		broker.startAgain();
		JsonNode fetch = client.awaitFinished(id);
		String outcome = fetch.get("status").asString();
		if (outcome.equals("FAILED")) {
			assertThat(fetch.get("error").asString()).as("a failed fetch says why").isNotBlank();
			outcome += " (" + fetch.get("error").asString() + "), re-fetch COMPLETED";
			client.awaitCompleted(client.fetch("github", history.path(), size));
		}
		client.awaitStored();

		Tally tally = store.assertExactly(history, github::authorKey);
		assertThat(storedAtKill).as("killed in the middle of the fetch").isBetween(1L, size - 1L);
		done(history,
				"Kafka broker killed with SIGKILL at " + storedAtKill + " stored and started again; fetch " + outcome,
				tally);
	}

	@Test
	@Order(3)
	void completesTheSetExactlyWhenTheFetcherIsKilledInTheMiddleOfAFetch() throws Exception {
		StubForge.Repository history = begin("faults/fetcher-kill");
		int size = history.commits().size();
		String id = client.fetch("github", history.path(), size);
		JsonNode atKill = await().atMost(BOUND)
			.pollInterval(OFTEN)
			.until(() -> client.fetchStatus(id), fetch -> fetch.get("commitsDiscovered").asLong() >= size / 4);
		stack.fetcher().kill();
		assertThat(atKill.get("status").asString()).isEqualTo("RUNNING");

		// what the fetcher remembers is only what it had published: each of those commits
		// is stored
		client.awaitStored();
		Set<String> remembered = store.remembered(history.path());
		Set<String> shas = history.commits().stream().map(Commit::sha).collect(Collectors.toSet());
		assertThat(remembered).isNotEmpty().hasSizeLessThan(size);
		assertThat(shas).containsAll(remembered);
		assertThat(store.count(history.path())).isGreaterThanOrEqualTo(remembered.size());
		assertThat(store.rememberedDepth(history.path())).as("no walk completed").isZero();

		// the restarted fetcher owns the partition of the killed fetch's command again:
		// it runs that fetch again, from the start, to COMPLETED under the same id
		stack.fetcher().start();
		stack.fetcher().awaitReady(LocalStack.READY_TIMEOUT);
		JsonNode again = client.awaitCompleted(id);
		assertThat(again.get("id").asString()).isEqualTo(id);
		assertThat(again.get("commitsDiscovered").asLong()).isEqualTo(size);
		client.awaitStored();
		store.assertExactly(history, github::authorKey);
		assertThat(store.remembered(history.path())).isEqualTo(shas);
		assertThat(store.rememberedDepth(history.path())).isEqualTo(size);

		JsonNode incremental = client.awaitCompleted(client.fetch("github", history.path(), size));
		assertThat(incremental.get("commitsDiscovered").asLong()).as("an incremental fetch publishes nothing new")
			.isZero();
		client.awaitStored();
		Tally tally = store.assertExactly(history, github::authorKey);
		done(history,
				"fetcher-service killed with SIGKILL at " + atKill.get("commitsDiscovered").asLong() + " published ("
						+ remembered.size() + " remembered); resumed under its id after the restart, published "
						+ again.get("commitsDiscovered").asLong() + ", a later incremental fetch 0",
				tally);
	}

	@Test
	@Order(4)
	void catchesUpExactlyWhenPostgresStopsAndStartsAgainWhileTheStoreIngests() throws Exception {
		StubForge.Repository history = begin("faults/postgres-restart");
		int size = history.commits().size();
		// a backlog for the store to work through: the fetch publishes while the store is
		// away
		stack.store().stop();
		client.awaitCompleted(client.fetch("github", history.path(), size));
		stack.store().start();
		await().atMost(BOUND)
			.pollInterval(OFTEN)
			.until(() -> running(stack.store()) && store.count(history.path()) > 0);
		stack.postgres().stop();

		// the store waits: it stays up, skips nothing (its offsets stay behind), and says
		// it is not ready
		await().during(Duration.ofSeconds(10))
			.atMost(Duration.ofSeconds(40))
			.until(() -> stack.store().isAlive() && client.consumerLag() > 0);
		int readiness = await().atMost(BOUND)
			.until(() -> client.status(stack.store().url() + "/actuator/health/readiness"), status -> status == 503);
		// what was stored before the stop is what PostgreSQL holds from transactions
		// begun before the restart: the committed offsets may trail it by a whole poll
		Instant restarted = Instant.now();
		stack.postgres().startAgain();
		client.awaitStored();

		assertThat(LogLines.errors(stack.store()))
			.as("the store says each failed write once, at WARN, with no ERROR beside it")
			.isEmpty();
		Tally tally = store.assertExactly(history, github::authorKey);
		long storedAtStop = store.storedBefore(history.path(), restarted);
		assertThat(storedAtStop).as("PostgreSQL stopped in the middle of ingesting").isBetween(1L, size - 1L);
		String after = fetcherAndQueryAfterTheRestart();
		done(history, "PostgreSQL stopped and started again with " + storedAtStop + " of " + size
				+ " stored (store readiness meanwhile: " + readiness + "); afterwards " + after, tally);
	}

	/**
	 * The fetcher and the query-service share PostgreSQL too: each must work again once
	 * it is back. Their pools may still hold connections PostgreSQL closed, so a fetch or
	 * a query right after the restart can fail; the failed attempts are counted and
	 * reported, and a later one must succeed.
	 */
	private String fetcherAndQueryAfterTheRestart() throws Exception {
		StubForge.Repository small = github.repository("faults/after-postgres-restart");
		List<String> failedFetches = new ArrayList<>();
		JsonNode fetch;
		do {
			fetch = client.awaitFinished(client.fetch("github", small.path(), small.commits().size()));
			if (fetch.get("status").asString().equals("FAILED")) {
				failedFetches.add(fetch.get("error").asString());
			}
		}
		while (!fetch.get("status").asString().equals("COMPLETED") && failedFetches.size() < 5);
		assertThat(fetch.get("status").asString()).as("a fetch completes after " + failedFetches)
			.isEqualTo("COMPLETED");
		client.awaitStored();
		store.assertExactly(small, github::authorKey);
		List<Integer> queries = new ArrayList<>();
		await().atMost(BOUND).until(() -> {
			queries.add(client.status(stack.query().url() + "/api/v1/repositories"));
			return queries.get(queries.size() - 1) == 200;
		});
		if (!failedFetches.isEmpty() || queries.size() > 1) {
			log.warn("after PostgreSQL restarted: failed fetches {}, query answers {}", failedFetches, queries);
		}
		return failedFetches.size() + " fetch(es) failed before one completed " + failedFetches + ", query answers "
				+ queries;
	}

	/** True while {@code service} runs; fails the wait at once when it has exited. */
	private static boolean running(ServiceProcess service) {
		if (!service.isAlive()) {
			throw new IllegalStateException(service.name() + " exited; see " + service.log());
		}
		return true;
	}

	private StubForge.Repository begin(String path) {
		began = Instant.now();
		return github.repository(path);
	}

	private void done(StubForge.Repository history, String fault, Tally tally) {
		verified.add(history);
		log.info("FAULT {}: {}; took {} s", fault, tally, Duration.between(began, Instant.now()).toMillis() / 1000.0);
	}

}
