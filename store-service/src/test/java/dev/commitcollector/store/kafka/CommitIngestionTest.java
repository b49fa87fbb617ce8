package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.commitcollector.store.Events;
import dev.commitcollector.store.StoreIntegrationTest;
import dev.commitcollector.store.StoredCommits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitIngestionTest extends StoreIntegrationTest {

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final String repository = "acme/" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void close() {
		kafka.close();
	}

	@Test
	void storesEachCommitOnceWhenTheSameEventsArriveTwice() throws Exception {
		List<Events> events = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			events.add(anEvent().repository(repository)
				.by("Dev " + (i % 7), "dev" + (i % 7) + "@example.org", null)
				.authoredAt(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i)));
		}
		for (int round = 0; round < 2; round++) {
			for (Events event : events) {
				kafka.send(event.key(), event.json());
			}
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);
		assertThat(StoredCommits.commits(repository)).isEqualTo(150);
		assertThat(StoredCommits.count("select commit_count from repositories where repository = ?", repository))
			.isEqualTo(150);
		assertThat(StoredCommits.count("select author_count from repositories where repository = ?", repository))
			.isEqualTo(7);
		assertThat(StoredCommits.count("select sum(commit_count) from authors where repository = ?", repository))
			.isEqualTo(150);
	}

	@Test
	void groupsAuthorsByLoginElseByTrimmedLowercasedEmailNeverByName() throws Exception {
		kafka.send(key(), anEvent().repository(repository).by("The Octocat", "cat@example.org", "Octocat").json());
		kafka.send(key(), anEvent().repository(repository).by("Octo", "other@example.org", "octocat").json());
		kafka.send(key(), anEvent().repository(repository).by("Ada Lovelace", " Ada@Example.ORG ", null).json());
		kafka.send(key(), anEvent().repository(repository).by("Ada L.", "ada@example.org", null).json());
		kafka.send(key(), anEvent().repository(repository).by("Ada Lovelace", "grace@example.org", null).json());
		kafka.send(key(), anEvent().repository(repository).by("Zoë Ångström 李", "zoe@example.org", null).json());

		await().atMost(Duration.ofSeconds(30)).until(() -> StoredCommits.commits(repository) == 6);
		assertThat(StoredCommits.authors(repository)).containsExactly("email:ada@example.org=2",
				"email:grace@example.org=1", "email:zoe@example.org=1", "login:octocat=2");
		assertThat(StoredCommits.count("select author_count from repositories where repository = ?", repository))
			.isEqualTo(4);
		assertThat(StoredCommits.count(
				"select cardinality(emails) from authors where repository = ? and author_key = 'login:octocat'",
				repository))
			.isEqualTo(2);
		assertThat(StoredCommits
			.count("select count(*) from commits where repository = ? and author_name = 'Zoë Ångström 李'", repository))
			.isEqualTo(1);
	}

	@Test
	void sendsUnreadableEventsToTheDeadLetterTopicAndGoesOn() throws Exception {
		String marker = UUID.randomUUID().toString();
		kafka.send(key(), "not json " + marker);
		kafka.send(key(), "{\"schemaVersion\":1,\"sha\":\"" + marker + "\"}");
		Events valid = anEvent().repository(repository);
		kafka.send(key(), valid.json());

		await().atMost(Duration.ofSeconds(30)).until(() -> StoredCommits.commits(repository) == 1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(kafka.deadLetters()).filteredOn(r -> r.value().contains(marker))
				.hasSize(2)
				.allSatisfy(r -> assertThat(r.headers().lastHeader("kafka_dlt-exception-message")).isNotNull()));
		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);
	}

	private String key() {
		return "github:" + repository;
	}

}
