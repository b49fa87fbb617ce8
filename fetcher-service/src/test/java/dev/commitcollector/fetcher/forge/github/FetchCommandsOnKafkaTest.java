package dev.commitcollector.fetcher.forge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.commitcollector.fetcher.FetcherInfrastructure;
import dev.commitcollector.fetcher.application.FetchRecords;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import dev.commitcollector.store.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Fetches as commands on a real broker: a request becomes a {@code FetchRequested}
 * command, the instance owning its partition runs it, and the command's offset is
 * committed only when the fetch has ended. A fetch an instance left RUNNING is run again
 * to COMPLETED under its id; a command whose fetch ended is done without running it; an
 * unreadable command is dead-lettered and the partition goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fetcher.topic.name=commits.discovered.commands-test")
@AutoConfigureWebTestClient
class FetchCommandsOnKafkaTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** PostgreSQL keeps microseconds. */
	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private static final MockWebServer github = new MockWebServer();

	private static final GitHubStub stub = GitHubStub.serving(github, "", "acme", "widgets")
		.withHistory(GitHubStub.history(250));

	/** A second forge whose answers wait until the test releases them. */
	private static final MockWebServer held = new MockWebServer();

	private static final CountDownLatch release = new CountDownLatch(1);

	/** A third forge, held the same way by a latch of its own. */
	private static final MockWebServer contested = new MockWebServer();

	private static final CountDownLatch contestedRelease = new CountDownLatch(1);

	/**
	 * A fourth forge, held by a latch of its own: a fetch on it holds up its partition.
	 */
	private static final MockWebServer stuck = new MockWebServer();

	private static final CountDownLatch stuckRelease = new CountDownLatch(1);

	/** A fifth, answering at once that a repository is empty. */
	private static final MockWebServer empty = new MockWebServer();

	@Autowired
	FetchRecords records;

	@Autowired
	MeterRegistry meters;

	@Value("${fetcher.commands.name}")
	String commandTopic;

	@Value("${fetcher.commands.dead-letter-topic}")
	String deadLetterTopic;

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
		held.setDispatcher(emptyRepositoryOnceReleased(release));
		held.start();
		registry.add("forges.providers.held.type", () -> "github");
		registry.add("forges.providers.held.api-url", () -> held.url("/").toString().replaceAll("/$", ""));
		contested.setDispatcher(emptyRepositoryOnceReleased(contestedRelease));
		contested.start();
		registry.add("forges.providers.contested.type", () -> "github");
		registry.add("forges.providers.contested.api-url", () -> contested.url("/").toString().replaceAll("/$", ""));
		stuck.setDispatcher(emptyRepositoryOnceReleased(stuckRelease));
		stuck.start();
		registry.add("forges.providers.stuck.type", () -> "github");
		registry.add("forges.providers.stuck.api-url", () -> stuck.url("/").toString().replaceAll("/$", ""));
		empty.setDispatcher(emptyRepositoryOnceReleased(new CountDownLatch(0)));
		empty.start();
		registry.add("forges.providers.empty.type", () -> "github");
		registry.add("forges.providers.empty.api-url", () -> empty.url("/").toString().replaceAll("/$", ""));
	}

	/** Answers every request with an empty repository once {@code released} is. */
	private static Dispatcher emptyRepositoryOnceReleased(CountDownLatch released) {
		return new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				released.await(60, TimeUnit.SECONDS);
				return GitHubStub.error(409, "Git Repository is empty.", "https://docs.github.com");
			}
		};
	}

	@AfterAll
	static void stop() {
		release.countDown();
		contestedRelease.countDown();
		stuckRelease.countDown();
		github.close();
		stuck.close();
		empty.close();
		held.close();
		contested.close();
	}

	@Test
	void takesAFetchUpAgainWhenATakeUpFromElsewhereReachesTheDatabaseWhileItOwnsThePartition() throws Exception {
		String id = request("{\"provider\":\"contested\",\"repository\":\"acme/contested\",\"limit\":10}");
		ConsumerRecord<String, String> command = commandOf(id);
		TopicPartition partition = new TopicPartition(command.topic(), command.partition());
		awaitStatus(id, "RUNNING");

		// an instance that has lost this partition since: its take-up ran late
		Fetch stolen = records.takeUp(UUID.fromString(id), UUID.randomUUID()).block(WAIT).orElseThrow();
		assertThat(stolen.attempt()).isEqualTo(2);
		contestedRelease.countDown();

		awaitStatus(id, "COMPLETED");
		assertThat(records.find(UUID.fromString(id)).block(WAIT)).hasValueSatisfying(fetch -> {
			assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
			assertThat(fetch.attempt()).as("the owner's attempt after the late one").isEqualTo(3);
		});
		await().atMost(WAIT).until(() -> committed(partition) == command.offset() + 1);
	}

	@Test
	void commitsACommandOnlyOnceItsFetchHasEndedAndTheCommandFollowsItsSchema() throws Exception {
		String id = request("{\"provider\":\"held\",\"repository\":\"acme/slow\",\"limit\":10}");
		ConsumerRecord<String, String> command = commandOf(id);
		assertThat(command.key()).isEqualTo("held:acme/slow");
		var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
			.getSchema(Files.readString(Path.of("..", "docs", "events", "fetch-requested.schema.json")));
		assertThat(schema.validate(command.value(), InputFormat.JSON)).as(command.value()).isEmpty();
		awaitStatus(id, "RUNNING");
		TopicPartition partition = new TopicPartition(command.topic(), command.partition());
		assertThat(committed(partition)).as("committed while the fetch runs").isLessThanOrEqualTo(command.offset());

		release.countDown();

		awaitStatus(id, "COMPLETED");
		await().atMost(WAIT).until(() -> committed(partition) == command.offset() + 1);
	}

	@Test
	void runsTheOtherFetchesOfAPartitionWhileOneIsHeldUpAndCommitsNoneBeforeIt() throws Exception {
		String heldUp = request("{\"provider\":\"stuck\",\"repository\":\"acme/stuck\",\"limit\":10}");
		ConsumerRecord<String, String> heldCommand = commandOf(heldUp);
		TopicPartition partition = new TopicPartition(heldCommand.topic(), heldCommand.partition());
		awaitStatus(heldUp, "RUNNING");

		String other = request(
				"{\"provider\":\"empty\",\"repository\":\"acme/" + samePartition(partition) + "\",\"limit\":10}");
		ConsumerRecord<String, String> otherCommand = commandOf(other);
		assertThat(otherCommand.partition()).as("the same partition").isEqualTo(partition.partition());

		awaitStatus(other, "COMPLETED");
		assertThat(committed(partition)).as("committed while an earlier fetch of the partition runs")
			.isLessThanOrEqualTo(heldCommand.offset());

		stuckRelease.countDown();

		awaitStatus(heldUp, "COMPLETED");
		await().atMost(WAIT).until(() -> committed(partition) == otherCommand.offset() + 1);
	}

	/**
	 * A repository name whose command on the provider "empty" goes to {@code partition},
	 * as Kafka's producer places a keyed record.
	 */
	private static String samePartition(TopicPartition partition) throws Exception {
		int partitions;
		try (AdminClient admin = AdminClient
			.create(Map.of("bootstrap.servers", TestInfrastructure.servers().bootstrapServers()))) {
			partitions = admin.describeTopics(List.of(partition.topic()))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(partition.topic())
				.partitions()
				.size();
		}
		for (int i = 0;; i++) {
			byte[] key = ("empty:acme/quick-" + i).getBytes(StandardCharsets.UTF_8);
			if (Utils.toPositive(Utils.murmur2(key)) % partitions == partition.partition()) {
				return "quick-" + i;
			}
		}
	}

	@Test
	void runsAFetchAnInstanceLeftRunningAgainToCompletedUnderItsId() throws Exception {
		RepositoryRef widgets = new RepositoryRef("github", RepositoryPath.parse("acme/widgets"));
		Fetch left = Fetch.requested(widgets, 200, FetchMode.FULL, NOW).running().discovered(100);
		assertThat(records.requestOnce(left).block(WAIT)).isEqualTo(left);
		records.save(left).block(WAIT);

		send(left.provider() + ":" + left.repository(), command(left));

		awaitStatus(left.id().toString(), "COMPLETED");
		http.get()
			.uri("/api/v1/fetches/" + left.id())
			.exchange()
			.expectBody()
			.jsonPath("$.commitsDiscovered")
			.isEqualTo(200);
	}

	@Test
	void doesNotRunAFetchThatHasEndedAgain() throws Exception {
		RepositoryRef ended = new RepositoryRef("github", RepositoryPath.parse("acme/ended"));
		Fetch done = Fetch.requested(ended, 50, FetchMode.FULL, NOW).running().completed(NOW);
		records.save(done).block(WAIT);

		// the same key as the next fetch: its partition takes the two up in this order
		send("github:acme/widgets", command(done));
		String next = request(
				"{\"provider\":\"github\",\"repository\":\"acme/widgets\",\"limit\":10,\"mode\":\"full\"}");

		awaitStatus(next, "COMPLETED");
		assertThat(records.find(done.id()).block(WAIT)).contains(done);
		assertThat(stub.requests()).noneMatch(request -> request.getUrl().toString().contains("acme/ended"));
	}

	@Test
	void deadLettersAnUnreadableCommandAndRunsTheNextOne() throws Exception {
		double counted = meters.counter("fetches.commands.dead.lettered").count();
		// the reason repeats the command's words, which must not start a log line of
		// their own
		send("github:acme/widgets", "{\"schemaVersion\":1,\"fetchId\":\"not-a-uuid\\r\\nERROR forged\"}");

		String next = request("{\"provider\":\"github\",\"repository\":\"acme/widgets\",\"limit\":20}");

		awaitStatus(next, "COMPLETED");
		List<ConsumerRecord<String, String>> letters = consume(deadLetterTopic, 1);
		assertThat(letters).hasSize(1);
		assertThat(letters.get(0).value()).contains("not-a-uuid");
		assertThat(new String(letters.get(0).headers().lastHeader("dlt-reason").value(), StandardCharsets.UTF_8))
			.isNotBlank()
			.doesNotContain("\r", "\n");
		assertThat(meters.counter("fetches.commands.dead.lettered").count()).isEqualTo(counted + 1);
	}

	private String request(String body) {
		String location = http.post()
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
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private void awaitStatus(String id, String status) {
		await().atMost(WAIT)
			.untilAsserted(() -> http.get()
				.uri("/api/v1/fetches/" + id)
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(status));
	}

	private static String command(Fetch fetch) {
		return "{\"schemaVersion\":1,\"fetchId\":\"" + fetch.id() + "\",\"provider\":\"" + fetch.provider()
				+ "\",\"repository\":\"" + fetch.repository() + "\",\"limit\":" + fetch.limit() + ",\"mode\":\""
				+ fetch.mode() + "\",\"requestedAt\":\"" + fetch.startedAt() + "\"}";
	}

	private void send(String key, String value) throws Exception {
		try (var producer = new KafkaProducer<>(
				Map.<String, Object>of("bootstrap.servers", TestInfrastructure.servers().bootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(commandTopic, key, value)).get(30, TimeUnit.SECONDS);
		}
	}

	private ConsumerRecord<String, String> commandOf(String fetchId) {
		return consume(commandTopic, Integer.MAX_VALUE).stream()
			.filter(record -> record.value().contains(fetchId))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Reads the topic from the start until {@code atLeast} records, or 5 s of silence.
	 */
	private static List<ConsumerRecord<String, String>> consume(String topic, int atLeast) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", TestInfrastructure.servers().bootstrapServers(), "group.id",
						"test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long quietSince = System.nanoTime();
			while (records.size() < atLeast && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(5)) {
				var polled = consumer.poll(Duration.ofMillis(200));
				polled.forEach(records::add);
				if (!polled.isEmpty()) {
					quietSince = System.nanoTime();
				}
			}
			return records;
		}
	}

	/** The fetcher group's committed offset of {@code partition}; 0 when none. */
	private static long committed(TopicPartition partition) throws Exception {
		try (AdminClient admin = AdminClient
			.create(Map.of("bootstrap.servers", TestInfrastructure.servers().bootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("fetcher")
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS);
			OffsetAndMetadata offset = offsets.get(partition);
			return offset == null ? 0 : offset.offset();
		}
	}

}
