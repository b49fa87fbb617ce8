package dev.commitcollector.fetcher.forge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.commitcollector.fetcher.FetcherInfrastructure;
import dev.commitcollector.store.TestInfrastructure;
import mockwebserver3.MockWebServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fetcher as a whole: HTTP trigger, the GitHub adapter against a stub, events on a
 * real Kafka broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fetcher.topic.name=" + GitHubFetchToKafkaTest.TOPIC, "fetcher.topic.partitions=3",
				"fetcher.mailmaps.name=" + GitHubFetchToKafkaTest.MAILMAPS })
@AutoConfigureWebTestClient
class GitHubFetchToKafkaTest {

	static final String TOPIC = "commits.discovered.fetcher-test";

	static final String MAILMAPS = "mailmaps.discovered.fetcher-test";

	/**
	 * Open until the JVM ends: the cached Spring context names it, and a failed test run
	 * once more (Surefire's rerun) runs against it again.
	 */
	private static final MockWebServer github = new MockWebServer();

	private static final GitHubStub stub = GitHubStub.serving(github, "", "acme", "widgets")
		.withHistory(GitHubStub.history(1234));

	WebTestClient http;

	/**
	 * A generous response timeout: a loaded two-core machine can take more than the
	 * default five seconds.
	 */
	@Autowired
	void http(WebTestClient client) {
		this.http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
		FetcherInfrastructure.register(registry);
		github.start();
		registry.add("forges.providers.github.api-url", () -> github.url("/").toString().replaceAll("/$", ""));
		registry.add("forges.providers.github.token", () -> "test-secret-token");
		// the stub speaks plain http on loopback: the token may go there only because
		// this says so
		registry.add("forges.providers.github.allow-insecure-http", () -> "true");
	}

	@Test
	void publishesExactlyTheLimitNewestCommitsAsSchemaValidEventsKeyedByRepository() throws Exception {
		String location = http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			// full: what other tests published of this repository is published again
			.bodyValue("{\"repository\":\"acme/widgets\",\"limit\":1000,\"mode\":\"full\"}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueMatches("Location", "/api/v1/fetches/[0-9a-f-]{36}")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("QUEUED")
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> http.get()
				.uri(location)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("COMPLETED")
				.jsonPath("$.commitsDiscovered")
				.isEqualTo(1000));

		String fetchId = location.substring(location.lastIndexOf('/') + 1);
		List<ConsumerRecord<String, String>> events = consumeAll(TOPIC, 1000, fetchId);
		JsonSchema schema = schema("commit-discovered.schema.json");
		JsonMapper json = JsonMapper.builder().build();
		Set<String> shas = new HashSet<>();
		for (ConsumerRecord<String, String> event : events) {
			Set<ValidationMessage> problems = schema.validate(event.value(), InputFormat.JSON);
			assertThat(problems).as(event.value()).isEmpty();
			assertThat(event.key()).isEqualTo("github:acme/widgets");
			assertThat(event.value()).doesNotContain("test-secret-token");
			JsonNode node = json.readTree(event.value());
			shas.add(node.get("sha").asString());
		}
		assertThat(shas).hasSize(1000).containsExactlyInAnyOrderElementsOf(stub.shas().subList(0, 1000));
		// one partition holds the repository, so its events keep the forge's newest-first
		// order
		assertThat(events.stream().map(e -> e.value().replaceAll(".*\"sha\":\"([0-9a-f]+)\".*", "$1")).toList())
			.containsExactlyElementsOf(stub.shas().subList(0, 1000));
	}

	@Test
	void remembersWhatItPublishedInPostgresSoARepeatedFetchPublishesOnlyWhatIsNew() {
		String first = startFetch("{\"repository\":\"acme/widgets\",\"limit\":300}");
		awaitCompleted(first);
		int requests = stub.requests().size();

		String again = startFetch("{\"repository\":\"acme/widgets\",\"limit\":300}");

		awaitCompleted(again);
		http.get()
			.uri(again)
			.exchange()
			.expectBody()
			.jsonPath("$.commitsDiscovered")
			.isEqualTo(0)
			.jsonPath("$.commitsAlreadyKnown")
			.isEqualTo(100)
			.jsonPath("$.commitsSetAside")
			.isEqualTo(0)
			.jsonPath("$.mode")
			.isEqualTo("incremental");
		// the first page only: it stopped on known history
		assertThat(stub.requests().size() - requests).isEqualTo(1);

		String full = startFetch("{\"repository\":\"acme/widgets\",\"limit\":300,\"mode\":\"full\"}");
		awaitCompleted(full);
		http.get().uri(full).exchange().expectBody().jsonPath("$.commitsDiscovered").isEqualTo(300);
	}

	@Test
	void fetchesARepositoryNamedInAnotherLetterCaseAsTheOneItFetchedBefore() {
		awaitCompleted(startFetch("{\"repository\":\"acme/widgets\",\"limit\":50}"));

		String again = startFetch("{\"repository\":\"ACME/Widgets\",\"limit\":50}");

		awaitCompleted(again);
		http.get()
			.uri(again)
			.exchange()
			.expectBody()
			.jsonPath("$.repository")
			.isEqualTo("acme/widgets")
			.jsonPath("$.commitsDiscovered")
			.isEqualTo(0);
		assertThat(stub.requests()).extracting(request -> request.getUrl().encodedPath())
			.doesNotContain("/repos/ACME/Widgets/commits");
	}

	@Test
	void publishesTheMailmapAtTheFetchedHeadAsASchemaValidEventAndNullWhenThereIsNone() {
		String text = "# one person\nAda Lovelace <ada@example.org> <ada@old.example.org>\nZoë <zoe@example.org> Z <z@example.org>\n";
		String withMailmap;
		String without;
		try {
			stub.withMailmap(text);
			withMailmap = startFetch("{\"repository\":\"acme/widgets\",\"limit\":10,\"mode\":\"full\"}");
			awaitCompleted(withMailmap);
			stub.withMailmap(null);
			without = startFetch("{\"repository\":\"acme/widgets\",\"limit\":10,\"mode\":\"full\"}");
			awaitCompleted(without);
		}
		finally {
			stub.withMailmap(null);
		}

		JsonSchema schema = schema("mailmap-discovered.schema.json");
		JsonMapper json = JsonMapper.builder().build();
		ConsumerRecord<String, String> found = consumeAll(MAILMAPS, 1, idOf(withMailmap)).get(0);
		ConsumerRecord<String, String> none = consumeAll(MAILMAPS, 1, idOf(without)).get(0);
		assertThat(schema.validate(found.value(), InputFormat.JSON)).as(found.value()).isEmpty();
		assertThat(schema.validate(none.value(), InputFormat.JSON)).as(none.value()).isEmpty();
		assertThat(found.key()).isEqualTo("github:acme/widgets");
		JsonNode event = json.readTree(found.value());
		assertThat(event.get("mailmap").asString()).isEqualTo(text);
		assertThat(event.get("sha").asString()).isEqualTo(stub.shas().get(0));
		assertThat(event.get("truncated").asBoolean()).isFalse();
		assertThat(json.readTree(none.value()).get("mailmap").isNull()).isTrue();
	}

	private static String idOf(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private String startFetch(String body) {
		return http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
	}

	private void awaitCompleted(String location) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> http.get()
				.uri(location)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("COMPLETED"));
	}

	@Test
	void answersBadInputWithProblemDetails() {
		http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"provider\":\"nowhere\",\"repository\":\"acme/widgets\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(d -> assertThat((String) d).contains("github"));
		http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"repository\":\"https://evil.example/acme/widgets\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"repository\":\"acme/widgets\",\"limit\":100001}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value(d -> assertThat((String) d).contains("100000"));
		http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"repository\":")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.get()
			.uri("/api/v1/fetches/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.get()
			.uri("/api/v1/fetches/not-a-uuid")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void checksPostgresForReadinessWithABoundedWaitNotThePoolsOwn(ApplicationContext context) {
		assertThat(context.getBean("r2dbcHealthIndicator"))
			.as("readiness's r2dbc check, which Boot's would wait on a frozen PostgreSQL as long as the pool does")
			.isNotInstanceOf(ConnectionFactoryHealthIndicator.class)
			.isInstanceOf(ReactiveHealthIndicator.class);
	}

	@Test
	void exposesOnlyHealthAndMetricsWithKafkaInReadiness() {
		http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.kafka.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.details")
			.doesNotExist();
		http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		http.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
		http.get().uri("/actuator/configprops").exchange().expectStatus().isNotFound();
	}

	@Test
	void describesTheFetchApiInOpenApiAndLetsThePageCallIt() {
		http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("/api/v1/fetches", "/api/v1/fetches/{id}"));
		http.options()
			.uri("/api/v1/fetches")
			.header("Origin", "http://localhost:8083")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "http://localhost:8083");
		http.options()
			.uri("/api/v1/fetches")
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class,
					detail -> assertThat(detail).contains("https://elsewhere.example", "FETCHER_CORS_ORIGINS"));
		http.options()
			.uri("/api/v1/fetches")
			.header("Origin", "http://localhost:8083")
			.header("Access-Control-Request-Method", "PUT")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains("only GET, POST and DELETE"));
	}

	private static JsonSchema schema(String name) {
		try {
			Path file = Path.of("..", "docs", "events", name);
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The events of one fetch on {@code topic}, in topic order; other tests' fetches
	 * share the topic.
	 */
	private static List<ConsumerRecord<String, String>> consumeAll(String topic, int expected, String fetchId) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", TestInfrastructure.servers().bootstrapServers(), "group.id",
						"test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					if (record.value().contains("\"fetchId\":\"" + fetchId + "\"")) {
						records.add(record);
					}
				});
				return records.size() >= expected;
			});
			return records;
		}
	}

}
