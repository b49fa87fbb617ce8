package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Two fetcher instances; the one running a fetch is frozen (SIGSTOP) past its Kafka
 * session, the other takes the fetch up as its next attempt, and the frozen one is let go
 * on (SIGCONT) while that attempt runs. The frozen one does not write over the fetch it
 * lost: the fetch ends COMPLETED as the later attempt ran it, counting every commit, and
 * every commit is stored once.
 */
class PausedFetcherSystemTest {

	private static final Logger log = LoggerFactory.getLogger(PausedFetcherSystemTest.class);

	private static final Duration BOUND = StackClient.BOUND;

	private static final String REPOSITORY = "pauses/fetcher";

	private static final int SIZE = 8_000;

	private static StubGitHub github;

	private static LocalStack stack;

	private static ServiceProcess second;

	private static StackClient client;

	private static StoredCommits store;

	@BeforeAll
	static void start() throws Exception {
		assumeTrue(ServiceProcess.canPause(),
				"pausing a process takes the POSIX kill command (SIGSTOP, SIGCONT), which this machine lacks");
		github = new StubGitHub();
		// 80 pages of about 50 ms each: the fetch is still running when it is paused
		github.holdAnswers(Duration.ofMillis(40));
		github.add(REPOSITORY, SIZE, 40, Duration.ZERO);
		// the broker's least session timeout: a paused fetcher loses its partitions soon
		stack = LocalStack.start(LocalStack.home(), StackClient.freePorts(),
				Map.of("GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", "", "FETCHER_SESSION_TIMEOUT_MS", "6000"));
		second = stack.startAnotherFetcher(StackClient.freePort());
		client = new StackClient(stack);
		store = new StoredCommits(stack.postgres(), "github");
	}

	@AfterAll
	static void stop() throws Exception {
		if (stack != null) {
			stack.fetcher().resume();
			second.resume();
			stack.close();
		}
		if (github != null) {
			github.close();
		}
	}

	@Test
	void aFetcherPausedPastItsSessionLeavesItsFetchToTheAttemptThatTookItOver() throws Exception {
		String id = client.fetch("github", REPOSITORY, SIZE);
		List<ServiceProcess> fetchers = List.of(stack.fetcher(), second);
		ServiceProcess running = await().atMost(BOUND).until(() -> runnerOf(id, fetchers), Optional::isPresent).get();
		ServiceProcess other = running == second ? stack.fetcher() : second;
		await().atMost(BOUND)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> fetch(other, id).get("commitsDiscovered").asLong() >= SIZE / 8);

		running.pause();
		JsonNode takenOver;
		try {
			takenOver = await().atMost(BOUND).until(() -> fetch(other, id), f -> f.get("attempt").asInt() >= 2);
		}
		finally {
			running.resume();
		}
		log.info("PAUSE the fetcher on port {} paused; the one on {} took fetch {} up as attempt {} ({})",
				running.port(), other.port(), id, takenOver.get("attempt").asInt(), takenOver.get("status").asString());

		JsonNode ended = await().atMost(BOUND)
			.until(() -> fetch(other, id), f -> List.of("COMPLETED", "FAILED").contains(f.get("status").asString()));
		assertThat(ended.get("status").asString()).as(ended.toString()).isEqualTo("COMPLETED");
		assertThat(ended.get("attempt").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(ended.get("commitsDiscovered").asLong()).isEqualTo(SIZE);
		assertThat(await().atMost(BOUND).until(() -> fetch(running, id), f -> f.equals(ended)))
			.as("the resumed instance shows the fetch as the attempt that took it over ended it")
			.isEqualTo(ended);
		client.awaitStored();
		store.assertExactly(github.repository(REPOSITORY), github::authorKey);
		assertThat(linesOf(running, id)).as("what the resumed instance logged of the fetch")
			.noneMatch(line -> line.contains(" ERROR "));
		log.info("PAUSE the resumed instance (port {}): {}", running.port(),
				logSays(running, "was taken over by a later one") ? "a write of its attempt was refused"
						: "its consumer saw the partition go and cancelled the fetch before it wrote again");
	}

	/** The fetcher instance that logged starting fetch {@code id}, if one has. */
	private static Optional<ServiceProcess> runnerOf(String id, List<ServiceProcess> fetchers) throws Exception {
		for (ServiceProcess fetcher : fetchers) {
			if (logSays(fetcher, "fetch " + id + " started")) {
				return Optional.of(fetcher);
			}
		}
		return Optional.empty();
	}

	private static boolean logSays(ServiceProcess fetcher, String text) throws Exception {
		return fetcher.logLines().stream().anyMatch(line -> line.contains(text));
	}

	private static List<String> linesOf(ServiceProcess fetcher, String text) throws Exception {
		return fetcher.logLines().stream().filter(line -> line.contains(text)).toList();
	}

	private static JsonNode fetch(ServiceProcess fetcher, String id) throws Exception {
		return client.get(fetcher.url() + "/api/v1/fetches/" + id);
	}

}
