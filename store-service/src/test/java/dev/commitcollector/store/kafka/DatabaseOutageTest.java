package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import dev.commitcollector.store.StoreIntegrationTest;
import dev.commitcollector.store.StoredCommits;
import dev.commitcollector.store.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class DatabaseOutageTest extends StoreIntegrationTest {

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final String repository = "acme/" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private WebTestClient http;

	@AfterEach
	void reopen() throws Exception {
		TestInfrastructure.setConnectionsAllowed(true);
		kafka.close();
	}

	@Test
	void retriesWhileTheDatabaseIsDownThenStoresEverythingWithoutCommittingOffsetsEarly() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);
		TestInfrastructure.setConnectionsAllowed(false);

		for (int i = 0; i < 40; i++) {
			kafka.send("github:" + repository, anEvent().repository(repository).json());
		}
		// while the store cannot write, it must not commit the offsets of what it could
		// not store
		await().pollDelay(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(kafka.lag()).isEqualTo(40));
		// and after failing the same batch for longer than the stall timeout (3 s here),
		// it says so
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> http.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.components.ingestion.status")
				.isEqualTo("DOWN")
				.jsonPath("$.components.ingestion.details.reason")
				.value(reason -> assertThat(reason.toString()).contains("same batch")));

		TestInfrastructure.setConnectionsAllowed(true);
		await().atMost(Duration.ofSeconds(60)).until(() -> StoredCommits.commits(repository) == 40);
		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);
		assertThat(StoredCommits.count("select commit_count from repositories where repository = ?", repository))
			.isEqualTo(40);
		http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

}
