package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running stack as the system tests drive it: fetches and their status, the query
 * API, the store's lag.
 */
final class StackClient {

	static final Duration BOUND = Duration.ofSeconds(90);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final LocalStack stack;

	/**
	 * The fetcher's API key (FETCHER_API_KEYS), sent with every POST; null for an open
	 * fetcher.
	 */
	private final String apiKey;

	StackClient(LocalStack stack) {
		this(stack, null);
	}

	StackClient(LocalStack stack, String apiKey) {
		this.stack = stack;
		this.apiKey = apiKey;
	}

	/** Three free ports for the services. */
	static LocalStack.Ports freePorts() throws Exception {
		return new LocalStack.Ports(freePort(), freePort(), freePort());
	}

	/** {@code POST /api/v1/fetches}, as it answers. */
	HttpResponse<String> postFetch(String provider, String repository, int limit) throws Exception {
		return postFetch(provider, repository, limit, apiKey);
	}

	/** {@code POST /api/v1/fetches} with {@code key} (none when null), as it answers. */
	HttpResponse<String> postFetch(String provider, String repository, int limit, String key) throws Exception {
		return postFetch(stack.fetcher(), provider, repository, limit, key);
	}

	/**
	 * {@code POST /api/v1/fetches} to fetcher instance {@code fetcher}, as it answers
	 * (202: the fetch, as JSON).
	 */
	HttpResponse<String> postFetch(ServiceProcess fetcher, String provider, String repository, int limit, String key)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(fetcher.url().resolve("/api/v1/fetches"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					json.writeValueAsString(Map.of("provider", provider, "repository", repository, "limit", limit))));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Starts a fetch and returns its id. */
	String fetch(String provider, String repository, int limit) throws Exception {
		HttpResponse<String> response = postFetch(provider, repository, limit);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body()).get("id").asString();
	}

	/**
	 * Waits until fetch {@code id} is COMPLETED and returns it as the fetcher shows it.
	 */
	JsonNode awaitCompleted(String id) {
		return await().atMost(BOUND).until(() -> get(stack.fetcher().url() + "/api/v1/fetches/" + id), fetch -> {
			assertThat(fetch.get("status").asString()).as(fetch.toString()).isNotEqualTo("FAILED");
			return fetch.get("status").asString().equals("COMPLETED");
		});
	}

	/**
	 * Waits until fetch {@code id} has ended, COMPLETED or FAILED, and returns it as the
	 * fetcher shows it.
	 */
	JsonNode awaitFinished(String id) {
		return await().atMost(BOUND)
			.until(() -> fetchStatus(id),
					fetch -> List.of("COMPLETED", "FAILED").contains(fetch.get("status").asString()));
	}

	/** Fetch {@code id} as {@code GET /api/v1/fetches/{id}} shows it now. */
	JsonNode fetchStatus(String id) throws Exception {
		return get(stack.fetcher().url() + "/api/v1/fetches/" + id);
	}

	/** Waits until the store has consumed every event on the topic. */
	void awaitStored() {
		await().atMost(BOUND).until(() -> consumerLag() == 0);
	}

	/**
	 * {@code GET /api/v1/authors} of one repository, {@code size} authors on page
	 * {@code page}.
	 */
	JsonNode authors(String provider, String repository, int size, int page) throws Exception {
		return get(stack.query().url() + "/api/v1/authors?provider=" + provider + "&repository="
				+ URLEncoder.encode(repository, StandardCharsets.UTF_8) + "&size=" + size + "&page=" + page);
	}

	/** A GET that must answer 200, its JSON body. */
	JsonNode get(String url) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/** The status code a GET of {@code url} answers with. */
	int status(String url) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	JsonNode read(String body) {
		return json.readTree(body);
	}

	/** Events on the topic that the store's consumer group has not committed. */
	long consumerLag() throws Exception {
		try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
			var committed = admin.listConsumerGroupOffsets("store-service")
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			var partitions = admin.describeTopics(List.of(LocalStack.TOPIC))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(LocalStack.TOPIC)
				.partitions()
				.stream()
				.map(p -> new TopicPartition(LocalStack.TOPIC, p.partition()))
				.collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
			var ends = admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
			return ends.entrySet()
				.stream()
				.mapToLong(e -> e.getValue().offset()
						- (committed.get(e.getKey()) == null ? 0 : committed.get(e.getKey()).offset()))
				.sum();
		}
	}

	/** A port nothing listens on now. */
	static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
