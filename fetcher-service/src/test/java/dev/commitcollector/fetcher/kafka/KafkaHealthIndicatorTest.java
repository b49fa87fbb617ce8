package dev.commitcollector.fetcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/** Readiness says where Kafka was looked for and that it did not answer. */
class KafkaHealthIndicatorTest {

	@Test
	void isDownNamingTheBrokersThatDidNotAnswer() throws IOException {
		String nobody = "127.0.0.1:" + freePort();
		KafkaHealthIndicator kafka = new KafkaHealthIndicator(
				new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nobody)));

		Health health = kafka.health(true);

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(String.valueOf(health.getDetails().get("error"))).contains("Kafka at " + nobody)
			.contains("did not answer within 3 s")
			.doesNotContain("null");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
