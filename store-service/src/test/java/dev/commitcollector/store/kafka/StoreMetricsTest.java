package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.commitcollector.store.StoreIntegrationTest;
import dev.commitcollector.store.StoredCommits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The store's meters at {@code /actuator/prometheus}, read before and after real work: a
 * batch stored and an event dead-lettered, on the real broker and database.
 */
class StoreMetricsTest extends StoreIntegrationTest {

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final String repository = "metrics/" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private WebTestClient http;

	@AfterEach
	void close() throws Exception {
		kafka.close();
	}

	@Test
	void countsStoredCommitsDeadLettersAndBatchesAndShowsTheConsumersLag() throws Exception {
		String before = prometheus();

		for (int i = 0; i < 25; i++) {
			kafka.send("github:" + repository, anEvent().repository(repository).json());
		}
		kafka.send("github:" + repository, "{ this is not an event");
		await().atMost(Duration.ofSeconds(60)).until(() -> StoredCommits.commits(repository) == 25);
		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);

		String after = prometheus();
		assertThat(value(after, "commits_stored_total") - value(before, "commits_stored_total")).isEqualTo(25);
		assertThat(value(after, "commits_dead_lettered_total") - value(before, "commits_dead_lettered_total"))
			.isEqualTo(1);
		assertThat(value(after, "store_batches_seconds_count"))
			.isGreaterThan(value(before, "store_batches_seconds_count"));
		assertThat(after).contains("kafka_consumer_fetch_manager_records_lag_max")
			.contains("application=\"store-service\"");
	}

	@Test
	void exposesOnlyHealthAndMetricsAndAnswersAnyOtherAddressAsAProblem() {
		http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		for (String hidden : List.of("/actuator/env", "/actuator/heapdump", "/actuator/configprops", "/nowhere")) {
			http.get()
				.uri(hidden)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(404);
		}
	}

	private String prometheus() {
		return http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The sum of the samples of {@code name} (all tags); 0 when it has none. */
	static double value(String exposition, String name) {
		return exposition.lines()
			.filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
