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

class CoAuthorIngestionTest extends StoreIntegrationTest {

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final String repository = "acme/" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void close() {
		kafka.close();
	}

	@Test
	void storesEachCoAuthorOfEachCommitOnceWhenVersionOneAndTwoEventsArriveTwice() throws Exception {
		List<Events> events = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			Events event = anEvent().repository(repository)
				.by("Ada", "ada@example.org", null)
				.authoredAt(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i));
			if (i % 2 == 0) {
				event.coAuthoredBy("Grace Hopper", "Grace@Example.org");
			}
			if (i % 4 == 0) {
				event.coAuthoredBy("Octocat", "1+octocat@users.noreply.github.com");
			}
			events.add(event);
		}
		for (int round = 0; round < 2; round++) {
			for (Events event : events) {
				kafka.send(event.key(), event.json());
			}
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);
		assertThat(StoredCommits.commits(repository)).isEqualTo(40);
		assertThat(StoredCommits.authors(repository)).containsExactly("email:ada@example.org=40");
		assertThat(StoredCommits.count("select count(*) from commit_co_authors where repository = ?", repository))
			.isEqualTo(30);
		assertThat(coAuthors()).containsExactly("email:1+octocat@users.noreply.github.com=10",
				"email:grace@example.org=20");
		assertThat(StoredCommits.text(
				"select array_to_string(names, '|') || ' ' || array_to_string(emails, '|')"
						+ " from co_authors where repository = ? and author_key = 'email:grace@example.org'",
				repository))
			.isEqualTo("Grace Hopper Grace@Example.org");
		assertThat(StoredCommits.count("select extract(epoch from last_co_authored_at)::bigint from co_authors"
				+ " where repository = ? and author_key = 'email:grace@example.org'", repository))
			.isEqualTo(Instant.parse("2024-01-01T00:00:38Z").getEpochSecond());
	}

	@Test
	void givesACommitStoredWithoutCoAuthorsItsCoAuthorsWhenItIsFetchedAgain() throws Exception {
		Events first = anEvent().repository(repository);
		kafka.send(first.key(), first.json());
		await().atMost(Duration.ofSeconds(30)).until(() -> StoredCommits.commits(repository) == 1);

		Events again = anEvent().repository(repository).sha(first.sha()).coAuthoredBy("Grace", "grace@example.org");
		kafka.send(again.key(), again.json());
		kafka.send(again.key(), again.json());

		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag() == 0);
		assertThat(coAuthors()).containsExactly("email:grace@example.org=1");
		assertThat(StoredCommits.commits(repository)).isEqualTo(1);
		assertThat(StoredCommits.authors(repository)).containsExactly("email:ada@example.org=1");
	}

	private List<String> coAuthors() {
		return List.of(
				StoredCommits
					.text("select string_agg(author_key || '=' || co_authored_count, ',' order by author_key)"
							+ " from co_authors where repository = ?", repository)
					.split(","));
	}

}
