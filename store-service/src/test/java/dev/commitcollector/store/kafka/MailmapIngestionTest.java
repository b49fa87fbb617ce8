package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.MailmapEvents.aMailmap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.commitcollector.store.MailmapEvents;
import dev.commitcollector.store.StoreIntegrationTest;
import dev.commitcollector.store.StoredCommits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailmapIngestionTest extends StoreIntegrationTest {

	private static final Instant EARLIER = Instant.parse("2024-05-01T10:00:00Z");

	private static final Instant LATER = EARLIER.plusSeconds(3600);

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final String repository = "acme/" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void close() {
		kafka.close();
	}

	@Test
	void replacesARepositorysMailmapWholesaleWithANewerOne() throws Exception {
		send(aMailmap().text("""
				Joe R. Developer <joe@example.com>
				Jane Doe <jane@example.com> <jane@laptop.(none)>
				Jane Doe <jane@example.com> Jane <bugs@example.com>
				""").discoveredAt(EARLIER));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "joe@example.com|jane@laptop.(none)|bugs@example.com".equals(column("commit_emails")));
		assertThat(column("proper_emails")).isEqualTo("NULL|jane@example.com|jane@example.com");
		assertThat(column("commit_names")).isEqualTo("NULL|NULL|Jane");

		send(aMailmap().text("Octo Cat <cat@example.org> <1+octocat@users.noreply.github.com>\n").discoveredAt(LATER));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "1+octocat@users.noreply.github.com".equals(column("commit_emails")));
		assertThat(column("proper_names")).isEqualTo("Octo Cat");
	}

	@Test
	void keepsTheNewerMailmapWhenAnOlderOneArrivesLateOrTwice() throws Exception {
		MailmapEvents newer = aMailmap().text("New <new@example.org>").discoveredAt(LATER);
		MailmapEvents older = aMailmap().text("Old <old@example.org>").discoveredAt(EARLIER);
		send(newer);
		send(newer);
		send(older);
		send(older);

		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag(MailmapEvents.TOPIC) == 0);
		assertThat(column("commit_emails")).isEqualTo("new@example.org");
		assertThat(StoredCommits.count("select count(*) from mailmaps where repository = ?", repository)).isEqualTo(1);
	}

	@Test
	void recordsThatARepositoryNoLongerHasAMailmap() throws Exception {
		send(aMailmap().text("New <new@example.org>").discoveredAt(EARLIER));
		send(aMailmap().discoveredAt(LATER));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> StoredCommits.count("select count(*) from mailmaps where repository = ? and not present"
					+ " and cardinality(commit_emails) = 0", repository) == 1);
	}

	@Test
	void sendsUnreadableMailmapEventsToTheirDeadLetterTopicAndGoesOn() throws Exception {
		String marker = UUID.randomUUID().toString();
		kafka.send(MailmapEvents.TOPIC, "github:" + repository, "not json " + marker);
		kafka.send(MailmapEvents.TOPIC, "github:" + repository, "{\"schemaVersion\":7,\"marker\":\"" + marker + "\"}");
		send(aMailmap().text("Ada <ada@example.org>"));

		await().atMost(Duration.ofSeconds(30)).until(() -> "ada@example.org".equals(column("commit_emails")));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(kafka.deadLetters(MailmapEvents.TOPIC + ".DLT"))
				.filteredOn(r -> r.value().contains(marker))
				.hasSize(2)
				.allSatisfy(r -> assertThat(r.headers().lastHeader("dlt-reason")).isNotNull()));
		await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag(MailmapEvents.TOPIC) == 0);
	}

	private void send(MailmapEvents event) throws Exception {
		event.repository(repository);
		kafka.send(MailmapEvents.TOPIC, event.key(), event.json());
	}

	/**
	 * One array column of the repository's mailmap row, joined by | with NULL for null.
	 */
	private String column(String name) {
		return StoredCommits
			.text("select array_to_string(" + name + ", '|', 'NULL') from mailmaps where repository = ?", repository);
	}

}
