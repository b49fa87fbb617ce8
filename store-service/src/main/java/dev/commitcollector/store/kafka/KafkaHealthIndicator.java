package dev.commitcollector.store.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Up when the Kafka cluster answers a describe-cluster call within a few seconds. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final Map<String, Object> config;

	KafkaHealthIndicator(KafkaAdmin admin) {
		super("Kafka health check failed");
		this.config = admin.getConfigurationProperties();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		try (AdminClient client = AdminClient.create(config)) {
			var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
			String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			int brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
			builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
		}
	}

}
