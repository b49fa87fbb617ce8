package dev.commitcollector.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import dev.commitcollector.store.TestInfrastructure;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Readiness says where Kafka was looked for and that it did not answer, or that the
 * topics are not there yet.
 */
class KafkaHealthIndicatorTest {

	@Test
	void isDownNamingTheBrokersThatDidNotAnswer() throws IOException {
		String nobody = "127.0.0.1:" + freePort();
		KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nobody));
		KafkaHealthIndicator kafka = new KafkaHealthIndicator(admin, new TopicSetup(admin));

		Health health = kafka.health(true);

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(String.valueOf(health.getDetails().get("error"))).contains("Kafka at " + nobody)
			.contains("did not answer within 3 s")
			.doesNotContain("null");
	}

	@Test
	void isDownNamingWhyWhileItsTopicsAreNotSetUp() {
		KafkaAdmin admin = new KafkaAdmin(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.servers().bootstrapServers()));
		KafkaHealthIndicator kafka = new KafkaHealthIndicator(admin, new TopicSetup(admin));

		Health health = kafka.health(true);

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKey("clusterId")
			.containsEntry("topics", "not set up yet, trying again: not tried yet");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
