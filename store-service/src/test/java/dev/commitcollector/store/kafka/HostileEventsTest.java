package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import dev.commitcollector.store.Events;
import dev.commitcollector.store.StoreIntegrationTest;
import dev.commitcollector.store.StoredCommits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class HostileEventsTest extends StoreIntegrationTest {

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final String repository = "acme/" + UUID.randomUUID().toString().substring(0, 8);

	private final String neighbour = "acme/" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private WebTestClient http;

	@AfterEach
	void close() throws Exception {
		kafka.close();
		try (Connection c = StoredCommits.connection(); Statement sql = c.createStatement()) {
			sql.execute("alter table commits drop constraint if exists refuses_marked_names");
		}
	}

	@Test
	void storesACommitWhoseEmailIsTooLongToIndexUnderAHashedIdentityAndEveryOtherCommitToo() throws Exception {
		String email = "a".repeat(3000) + "@example.org";
		for (int i = 0; i < 30; i++) {
			kafka.send(key(repository),
					anEvent().repository(repository).by("Dev " + i % 3, "dev" + i % 3 + "@x.org", null).json());
			kafka.send(key(neighbour), anEvent().repository(neighbour).json());
		}
		kafka.send(key(repository), anEvent().repository(repository).by("Long \u0007 Name\0", email, null).json());
		kafka.send(key(repository),
				anEvent().repository(repository).by("Same person", email.toUpperCase(), null).json());

		await().atMost(Duration.ofSeconds(60)).until(() -> StoredCommits.commits(repository) == 32);
		await().atMost(Duration.ofSeconds(30)).until(() -> StoredCommits.commits(neighbour) == 30);
		assertThat(StoredCommits.authors(repository)).hasSize(4)
			.anySatisfy(author -> assertThat(author).matches("email-sha256:[0-9a-f]{64}=2"));
		assertThat(StoredCommits.count("select max(octet_length(author_email)) from commits where repository = ?",
				repository))
			.isLessThanOrEqualTo(EventDecoder.MAX_TEXT_BYTES);
	}

	@Test
	void deadLettersOnlyTheRecordsTheDatabaseRefusesWithTheReasonAndStoresTheRestOfTheBatch() throws Exception {
		try (Connection c = StoredCommits.connection(); Statement sql = c.createStatement()) {
			// a real data error from PostgreSQL (SQLSTATE 23514), raised by the row, not
			// by the database's state
			sql.execute("alter table commits add constraint refuses_marked_names"
					+ " check (author_name not like 'REFUSE-ME%') not valid");
		}
		String marker = "REFUSE-ME " + UUID.randomUUID();
		for (int i = 0; i < 40; i++) {
			Events event = i == 7 || i == 31 ? anEvent().repository(repository).by(marker, "bad@x.org", null)
					: anEvent().repository(repository).by("Dev", "dev@x.org", null);
			kafka.send(key(repository), event.json());
			kafka.send(key(neighbour), anEvent().repository(neighbour).json());
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> StoredCommits.commits(repository) == 38);
		await().atMost(Duration.ofSeconds(30)).until(() -> StoredCommits.commits(neighbour) == 40);
		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);
		assertThat(kafka.deadLetters()).filteredOn(r -> r.value().contains(marker))
			.hasSize(2)
			.allSatisfy(r -> assertThat(
					new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
				.contains("SQLSTATE 23514")
				.contains("refuses_marked_names"));
		assertThat(StoredCommits.count("select commit_count from repositories where repository = ?", repository))
			.isEqualTo(38);
		http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.ingestion.details.deadLettered")
			.value(count -> assertThat(((Number) count).longValue()).isGreaterThanOrEqualTo(2));
	}

	@Test
	void deadLettersAnUnreadableEventAsLargeAsTheBrokerTakesCutAndGoesOn() throws Exception {
		// as large as a producer may send (1 MiB with the record's own overhead): the
		// letter's headers would take it past the limit
		String huge = "x".repeat(1_048_400 - 40) + UUID.randomUUID();
		kafka.send(key(repository), anEvent().repository(repository).json());
		kafka.send(key(repository), huge);
		kafka.send(key(repository), anEvent().repository(repository).json());

		await().atMost(Duration.ofSeconds(60)).until(() -> StoredCommits.commits(repository) == 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);
		assertThat(kafka.deadLetters())
			.filteredOn(r -> r.headers().lastHeader(DeadLetters.VALUE_BYTES) != null
					&& r.value().equals(huge.substring(0, DeadLetters.CUT_BYTES)))
			.singleElement()
			.satisfies(r -> assertThat(
					new String(r.headers().lastHeader(DeadLetters.VALUE_BYTES).value(), StandardCharsets.UTF_8))
				.isEqualTo(String.valueOf(huge.length())));
	}

	@Test
	void deadLettersAnUnreadableEventWhoseHeadersAreAsLargeAsTheBrokerTakesAndGoesOn() throws Exception {
		String marker = "not an event " + UUID.randomUUID();
		kafka.send(key(repository), anEvent().repository(repository).json());
		kafka.sendWithHeader(key(repository), marker, "x-bulk", 1_047_800);
		kafka.send(key(repository), anEvent().repository(repository).json());

		await().atMost(Duration.ofSeconds(60)).until(() -> StoredCommits.commits(repository) == 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);
		assertThat(kafka.deadLetters()).filteredOn(r -> r.value().equals(marker)).singleElement().satisfies(r -> {
			assertThat(r.headers().lastHeader("x-bulk")).isNull();
			assertThat(Long.parseLong(
					new String(r.headers().lastHeader(DeadLetters.HEADER_BYTES).value(), StandardCharsets.UTF_8)))
				.isGreaterThanOrEqualTo(1_047_800);
		});
	}

	private static String key(String repository) {
		return "github:" + repository;
	}

}
