package dev.commitcollector.fetcher.forge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.commitcollector.fetcher.FetcherInfrastructure;
import dev.commitcollector.store.TestInfrastructure;
import mockwebserver3.MockWebServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fetch's trace: the request's W3C trace context is the fetch's ({@code traceId} in its
 * JSON), its {@code FetchRequested} command and every {@code CommitDiscovered} event
 * carry it in their headers (with the fetch id as baggage), and the fetcher's log lines
 * about the fetch name the trace and the fetch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fetcher.topic.name=" + FetchTracingTest.TOPIC, "fetcher.watches.tick=200ms" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class FetchTracingTest {

	static final String TOPIC = "commits.discovered.tracing-test";

	/**
	 * Open until the JVM ends: the cached Spring context names it, and a failed test run
	 * once more (Surefire's rerun) runs against it again.
	 */
	private static final MockWebServer github = new MockWebServer();

	private static final GitHubStub stub = GitHubStub.serving(github, "", "acme", "widgets")
		.withHistory(GitHubStub.history(250));

	@Value("${fetcher.commands.name}")
	String commandTopic;

	WebTestClient http;

	@Autowired
	void http(WebTestClient client) {
		this.http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
		FetcherInfrastructure.register(registry);
		github.start();
		registry.add("forges.providers.github.api-url", () -> github.url("/").toString().replaceAll("/$", ""));
	}

	@Test
	void followsTheRequestsTraceThroughTheCommandAndEveryEventWithTheFetchIdAsBaggage(CapturedOutput output) {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String location = http.post()
			.uri("/api/v1/fetches")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"repository\":\"acme/widgets\",\"limit\":250,\"mode\":\"full\"}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		String fetchId = location.substring(location.lastIndexOf('/') + 1);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> http.get()
				.uri(location)
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("COMPLETED")
				.jsonPath("$.traceId")
				.isEqualTo(traceId));

		List<ConsumerRecord<String, String>> events = records(TOPIC, fetchId, 250);
		assertThat(events).hasSize(250).allSatisfy(event -> {
			assertThat(header(event, "traceparent")).startsWith("00-" + traceId + "-");
			assertThat(header(event, "baggage")).contains("fetchId=" + fetchId);
		});
		assertThat(records(commandTopic, fetchId, 1)).singleElement()
			.satisfies(command -> assertThat(header(command, "traceparent")).startsWith("00-" + traceId + "-"));
		assertThat(output.getOut().lines().filter(line -> line.contains("fetch " + fetchId + " started")))
			.singleElement()
			.satisfies(line -> assertThat(line).contains(traceId).contains(fetchId + "] "));
	}

	@Test
	void givesAWatchsTurnATraceOfItsOwnThatItsLogLineAndTheFetchItStartedShare(CapturedOutput output) {
		String watchId = json(http.post()
			.uri("/api/v1/watches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"repository\":\"acme/widgets\",\"limit\":30,\"interval\":\"PT1H\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody()).get("id").asString();
		String fetchId = await().atMost(Duration.ofSeconds(60))
			.until(() -> body("/api/v1/watches/" + watchId).path("lastFetch").path("id").asString(null),
					id -> id != null);
		// ended before the next test asks for the same repository, which would join it
		JsonNode fetch = await().atMost(Duration.ofSeconds(60))
			.until(() -> body("/api/v1/fetches/" + fetchId),
					ended -> ended.get("status").asString().equals("COMPLETED"));
		http.delete().uri("/api/v1/watches/" + watchId).exchange().expectStatus().isNoContent();

		String traceId = fetch.get("traceId").asString();
		assertThat(traceId).hasSize(32);
		assertThat(output.getOut().lines().filter(line -> line.contains("started fetch " + fetchId))).singleElement()
			.satisfies(line -> assertThat(line).contains("watch " + watchId).contains(traceId));
	}

	private JsonNode body(String uri) {
		return json(http.get().uri(uri).exchange().expectBody().returnResult().getResponseBody());
	}

	private static JsonNode json(byte[] body) {
		return JsonMapper.builder().build().readTree(body);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
	}

	/**
	 * The records of {@code topic} that name {@code fetchId}, once there are
	 * {@code expected}.
	 */
	private static List<ConsumerRecord<String, String>> records(String topic, String fetchId, int expected) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", TestInfrastructure.servers().bootstrapServers(), "group.id",
						"test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					if (record.value().contains(fetchId)) {
						records.add(record);
					}
				});
				return records.size() >= expected;
			});
			return records;
		}
	}

}
