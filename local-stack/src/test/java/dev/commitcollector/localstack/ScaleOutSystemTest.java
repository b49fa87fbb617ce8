package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Two fetcher and two store instances on one broker and one database, as
 * {@code docker compose up --scale} runs them. Twenty repositories are requested
 * alternately at both fetchers, some of them at both; one fetcher is killed with SIGKILL
 * while fetches run. Every fetch id ends COMPLETED (the survivor takes up the killed
 * one's commands and runs its fetches again under their ids), every repository's commits
 * are stored exactly once, and the stub forge never answered two requests about one
 * repository at the same moment: no repository was fetched by two instances at once.
 */
class ScaleOutSystemTest {

	private static final Logger log = LoggerFactory.getLogger(ScaleOutSystemTest.class);

	private static final int REPOSITORIES = 20;

	/** Requested a second time, at the other fetcher, at once. */
	private static final int REQUESTED_TWICE = 6;

	private static final Duration BOUND = Duration.ofMinutes(4);

	private static StubGitHub github;

	private static LocalStack stack;

	private static ServiceProcess secondFetcher;

	private static ServiceProcess secondStore;

	private static StackClient client;

	private static StoredCommits store;

	@BeforeAll
	static void start() throws Exception {
		github = new StubGitHub();
		// each answer takes 40 ms inside the stub: requests that overlap are counted
		github.holdAnswers(Duration.ofMillis(40));
		for (int i = 0; i < REPOSITORIES; i++) {
			github.add(path(i), 1_500 + 100 * i, 15 + i, Duration.ZERO);
		}
		Path home = LocalStack.home();
		// a killed fetcher's partitions move to the other after its session times out
		stack = LocalStack.start(home, StackClient.freePorts(), Map.of("GITHUB_API_URL", github.apiUrl(),
				"GITHUB_TOKEN", "", "FETCHER_SESSION_TIMEOUT_MS", "10000", "FETCH_MAX_CONCURRENT", "3"));
		secondFetcher = stack.startAnotherFetcher(StackClient.freePort());
		secondStore = stack.startAnotherStore(StackClient.freePort());
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

	@Test
	void everyFetchCompletesAndEveryCommitIsStoredOnceWhenOneOfTwoFetchersIsKilled() throws Exception {
		Instant began = Instant.now();
		long resumedBefore = resumed();
		List<ServiceProcess> fetchers = List.of(stack.fetcher(), secondFetcher);
		Map<String, String> idByRepository = new LinkedHashMap<>();
		Set<String> ids = new LinkedHashSet<>();
		int answeredWithTheSameFetch = 0;
		for (int i = 0; i < REPOSITORIES; i++) {
			String id = request(fetchers.get(i % 2), path(i));
			idByRepository.put(path(i), id);
			ids.add(id);
			if (i < REQUESTED_TWICE) {
				// at once, at the other instance: the first still waits or runs, unless
				// it
				// was already done (then a new fetch is the right answer)
				String again = request(fetchers.get((i + 1) % 2), path(i));
				if (again.equals(id)) {
					answeredWithTheSameFetch++;
				}
				else {
					assertThat(status(client.fetchStatus(id))).as("a second fetch only once the first has ended")
						.isIn("COMPLETED", "FAILED");
					ids.add(again);
				}
			}
		}
		assertThat(answeredWithTheSameFetch)
			.as("a repository whose fetch waits or runs is answered with that fetch, at any instance")
			.isPositive();

		// in the middle: some fetches have published, none of the repositories is done
		await().atMost(BOUND).until(() -> published(ids) >= totalCommits() / 5);
		long publishedAtKill = published(ids);
		secondFetcher.kill();
		log.info("SCALE killed the second fetcher at {} of {} commits published", publishedAtKill, totalCommits());

		for (String id : ids) {
			JsonNode fetch = await().atMost(BOUND)
				.until(() -> client.fetchStatus(id), f -> List.of("COMPLETED", "FAILED").contains(status(f)));
			assertThat(status(fetch)).as(fetch.toString()).isEqualTo("COMPLETED");
		}
		client.awaitStored();
		List<String> tallies = new ArrayList<>();
		for (int i = 0; i < REPOSITORIES; i++) {
			StubForge.Repository history = github.repository(path(i));
			tallies.add(store.assertExactly(history, github::authorKey).toString());
			assertThat(client.fetchStatus(idByRepository.get(path(i))).get("commitsDiscovered").asLong()).as(path(i))
				.isEqualTo(history.commits().size());
		}
		assertThat(resumed() - resumedBefore).as("fetches the killed fetcher was running, taken up by the other")
			.isPositive();
		assertThat(github.mostConcurrentRequests()).hasSize(REPOSITORIES)
			.allSatisfy((repository, atOnce) -> assertThat(atOnce).as(repository).isEqualTo(1));
		log.info("SCALE {} fetches of {} repositories ({} commits) on 2 fetchers and 2 stores, one fetcher killed"
				+ " at {} published: all COMPLETED, each commit stored once, at most 1 request per repository at once;"
				+ " took {} s", ids.size(), REPOSITORIES, totalCommits(), publishedAtKill,
				Duration.between(began, Instant.now()).toMillis() / 1000.0);
		assertThat(secondStore.isAlive()).isTrue();
	}

	@Test
	void followsOneTraceFromTheFetchRequestThroughKafkaToTheStoresLog() throws Exception {
		String repository = "scale/traced";
		github.add(repository, 120, 5, Duration.ZERO);
		HttpResponse<String> response = client.postFetch(stack.fetcher(), "github", repository, 120, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String id = client.read(response.body()).get("id").asString();

		JsonNode fetch = client.awaitCompleted(id);
		String traceId = fetch.get("traceId").asString();
		client.awaitStored();

		assertThat(traceId).matches("[0-9a-f]{32}");
		assertThat(traceparentsOf(id)).hasSize(120)
			.allSatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
		await().atMost(BOUND).until(() -> storeLogsMention(traceId));
	}

	/** The traceparent header of every CommitDiscovered event of fetch {@code id}. */
	private static List<String> traceparentsOf(String id) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
				stack.kafka().bootstrapServers(), "group.id", "trace-" + id, "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(LocalStack.TOPIC));
			List<String> traceparents = new ArrayList<>();
			await().atMost(BOUND).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					if (record.value().contains(id)) {
						Header header = record.headers().lastHeader("traceparent");
						traceparents.add(header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
					}
				});
				return traceparents.size() >= 120;
			});
			return traceparents;
		}
	}

	/** Whether a store instance logged a batch it stored with {@code traceId}. */
	private static boolean storeLogsMention(String traceId) throws Exception {
		for (ServiceProcess store : List.of(stack.store(), secondStore)) {
			if (store.logLines().stream().anyMatch(line -> line.contains("stored ") && line.contains(traceId))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How often the surviving fetcher has logged running a fetch again that another ran.
	 */
	private static long resumed() throws Exception {
		return stack.fetcher()
			.logLines()
			.stream()
			.filter(line -> line.contains("the instance that ran it stopped before it ended"))
			.count();
	}

	private static String request(ServiceProcess fetcher, String repository) throws Exception {
		HttpResponse<String> response = client.postFetch(fetcher, "github", repository, 100_000, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return client.read(response.body()).get("id").asString();
	}

	/** Commits the fetches have published so far, as the surviving fetcher shows them. */
	private static long published(Set<String> ids) throws Exception {
		long published = 0;
		for (String id : ids) {
			published += client.fetchStatus(id).get("commitsDiscovered").asLong();
		}
		return published;
	}

	private static long totalCommits() {
		long total = 0;
		for (int i = 0; i < REPOSITORIES; i++) {
			total += github.repository(path(i)).commits().size();
		}
		return total;
	}

	private static String status(JsonNode fetch) {
		return fetch.get("status").asString();
	}

	private static String path(int i) {
		return "scale/repository-" + i;
	}

}
