package dev.commitcollector.fetcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fetch command is not sent while the topics are not set up: a broker that creates
 * topics on first use would create the commands' topic with its own default partitions.
 */
class KafkaFetchCommandsTest {

	@Test
	void refusesToSendACommandWhileTheTopicsAreNotSetUp() {
		MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
				new StringSerializer());
		KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"));
		KafkaFetchCommands commands = new KafkaFetchCommands(
				new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), JsonMapper.builder().build(),
				new CommandSettings("fetches.requested", 12, (short) 1, "fetches.requested.DLT", 15000, "fetcher"),
				new TopicSetup(admin));
		Fetch fetch = Fetch.requested(new RepositoryRef("github", RepositoryPath.parse("acme/widgets")), 100,
				FetchMode.FULL, Instant.parse("2026-12-02T00:00:00Z"));

		StepVerifier.create(commands.send(fetch))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(KafkaFetchCommands.TopicsNotSetUp.class)
				.hasMessage("Kafka's topics are not set up yet: not tried yet"))
			.verify();
		assertThat(producer.history()).isEmpty();
	}

}
