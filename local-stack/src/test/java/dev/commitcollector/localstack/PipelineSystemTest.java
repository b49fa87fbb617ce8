package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three service jars as separate processes, on the embedded Kafka and PostgreSQL, against a stub
 * GitHub over HTTP: fetch, re-fetch, and a store-service killed with SIGKILL in the middle of ingesting.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineSystemTest {

	private static final Duration BOUND = Duration.ofSeconds(90);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static StubGitHub github;

	private static StubGitHub.Repository big;

	private static StubGitHub.Repository second;

	private static LocalStack stack;

	@BeforeAll
	static void start() throws Exception {
		github = new StubGitHub();
		big = github.add("acme/big", 1500, 36, Duration.ZERO);
		second = github.add("acme/second", 3000, 31, Duration.ofMillis(120));
		github.add("acme/form", 250, 12, Duration.ofMillis(50));
		Path home = LocalStack.home();
		stack = LocalStack.start(home, new LocalStack.Ports(freePort(), freePort(), freePort()),
				Map.of("GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", ""));
	}

	@AfterAll
	static void stop() throws Exception {
		if (stack != null) {
			stack.close();
		}
		github.close();
	}

	@Test
	@Order(1)
	void storesExactlyTheThousandNewestCommitsGroupedByAuthor() throws Exception {
		awaitCompleted(fetch("acme/big", 1000));

		await().atMost(BOUND).until(() -> totalCommits("acme/big") == 1000);
		assertGroupedAsTheIdentityRuleSays("acme/big", big.commits().subList(0, 1000));
	}

	@Test
	@Order(2)
	void fetchingAgainAddsNothing() throws Exception {
		awaitCompleted(fetch("acme/big", 1000));
		await().atMost(BOUND).until(() -> consumerLag() == 0);

		assertGroupedAsTheIdentityRuleSays("acme/big", big.commits().subList(0, 1000));
		assertThat(sql("select count(*) from commits where repository = 'acme/big'")).isEqualTo(1000);
	}

	@Test
	@Order(3)
	void storesEveryCommitOnceWhenTheStoreIsKilledWhileIngesting() throws Exception {
		String id = fetch("acme/second", 3000);
		await().atMost(BOUND).pollInterval(Duration.ofMillis(20))
			.until(() -> sql("select count(*) from commits where repository = 'acme/second'") > 0);
		stack.store().kill();
		long storedAtKill = sql("select count(*) from commits where repository = 'acme/second'");
		assertThat(storedAtKill).as("killed in the middle of ingesting").isBetween(1L, 2999L);

		stack.store().start();
		stack.store().awaitReady(LocalStack.READY_TIMEOUT);
		awaitCompleted(id);
		await().atMost(BOUND).until(() -> consumerLag() == 0);

		assertThat(sql("select count(*) from commits where repository = 'acme/second'")).isEqualTo(3000);
		assertThat(sql("select commit_count from repositories where repository = 'acme/second'")).isEqualTo(3000);
		assertThat(sql("select sum(commit_count) from authors where repository = 'acme/second'")).isEqualTo(3000);
		assertGroupedAsTheIdentityRuleSays("acme/second", second.commits());
		assertThat(sql("select count(*) from commits where repository = 'acme/big'")).isEqualTo(1000);
	}

	@Test
	@Order(4)
	void theWebPageStartsAFetchFollowsItAndShowsTheAuthors() throws Exception {
		try (Browser browser = Browser.start()) {
			browser.open(stack.query().url() + "/");
			browser.fetch("github", "acme/missing", 10);
			browser.awaitStatus("The fetch failed: repository not found");

			browser.fetch("github", "acme/form", 200);
			browser.awaitStatus("Fetched 200 commits of acme/form.");
			browser.followLink("See its authors");
			assertThat(browser.authorCount()).isEqualTo(sql(
					"select count(*) from authors where repository = 'acme/form'"));
		}
	}

	private static void assertGroupedAsTheIdentityRuleSays(String repository, List<StubGitHub.Commit> expected)
			throws Exception {
		Map<String, List<String>> expectedByAuthor = expected.stream()
			.collect(Collectors.groupingBy(StubGitHub.Commit::identity,
					Collectors.mapping(StubGitHub.Commit::sha, Collectors.toList())));
		Map<String, List<String>> actualByAuthor = new HashMap<>();
		List<Long> counts = new ArrayList<>();
		List<String> allShas = new ArrayList<>();
		JsonNode page;
		int number = 0;
		do {
			page = get(stack.query().url() + "/api/v1/authors?provider=github&repository=" + repository + "&size=7&page="
					+ number++);
			assertThat(page.get("totalCommits").asLong()).isEqualTo(expected.size());
			assertThat(page.get("totalAuthors").asLong()).isEqualTo(expectedByAuthor.size());
			for (JsonNode author : page.get("authors")) {
				List<String> shas = new ArrayList<>();
				author.get("commits").forEach(c -> shas.add(c.get("sha").asString()));
				assertThat(author.get("commitCount").asLong()).isEqualTo(shas.size());
				actualByAuthor.put(author.get("key").asString(), shas);
				counts.add(author.get("commitCount").asLong());
				allShas.addAll(shas);
			}
		}
		while (!page.get("authors").isEmpty());

		assertThat(allShas).hasSize(expected.size()).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expected.stream().map(StubGitHub.Commit::sha).toList());
		// within an author, newest first: the stub's order restricted to that author
		assertThat(actualByAuthor).isEqualTo(expectedByAuthor);
		assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	private static String fetch(String repository, int limit) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.fetcher().url().resolve("/api/v1/fetches"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"provider\":\"github\",\"repository\":\"" + repository + "\",\"limit\":" + limit + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body()).get("id").asString();
	}

	private static void awaitCompleted(String id) {
		await().atMost(BOUND).untilAsserted(() -> {
			JsonNode fetch = get(stack.fetcher().url() + "/api/v1/fetches/" + id);
			assertThat(fetch.get("status").asString()).as(fetch.toString()).isEqualTo("COMPLETED");
		});
	}

	private static long totalCommits(String repository) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create(stack.query().url() + "/api/v1/authors?repository=" + repository + "&size=1"))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200 ? json.readTree(response.body()).get("totalCommits").asLong() : -1;
	}

	private static JsonNode get(String url) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static long sql(String query) throws Exception {
		try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(), EmbeddedPostgresServer.OWNER,
				EmbeddedPostgresServer.OWNER_PASSWORD); ResultSet rows = c.createStatement().executeQuery(query)) {
			return rows.next() ? rows.getLong(1) : 0;
		}
	}

	/** Events on the topic that the store's consumer group has not committed. */
	private static long consumerLag() throws Exception {
		try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
			var committed = admin.listConsumerGroupOffsets("store-service").partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			var partitions = admin.describeTopics(List.of(LocalStack.TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
				.get(LocalStack.TOPIC).partitions().stream()
				.map(p -> new org.apache.kafka.common.TopicPartition(LocalStack.TOPIC, p.partition()))
				.collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
			var ends = admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
			return ends.entrySet().stream()
				.mapToLong(e -> e.getValue().offset()
						- (committed.get(e.getKey()) == null ? 0 : committed.get(e.getKey()).offset()))
				.sum();
		}
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
