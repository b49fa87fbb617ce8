package dev.commitcollector.store.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Up when the Kafka cluster answers a describe-cluster call within a few seconds and the
 * service's topics are set up ({@link TopicSetup}).
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final Map<String, Object> config;

	private final TopicSetup topics;

	KafkaHealthIndicator(KafkaAdmin admin, TopicSetup topics) {
		super("Kafka health check failed");
		this.config = admin.getConfigurationProperties();
		this.topics = topics;
	}

	/**
	 * Down with a reason a person can act on: a broker that does not answer says so and
	 * where it was looked for (Kafka's own exception says only {@code null} here).
	 */
	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		try (AdminClient client = AdminClient.create(config)) {
			var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
			String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			int brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
			String failure = topics.failure();
			if (failure == null) {
				builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
			}
			else {
				builder.down()
					.withDetail("clusterId", clusterId)
					.withDetail("topics", "not set up yet, trying again: " + failure);
			}
		}
		catch (TimeoutException | ExecutionException ex) {
			Throwable cause = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
			String said = cause.getMessage() == null ? "" : ": " + cause.getMessage();
			builder.down()
				.withDetail("error",
						"Kafka at " + config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + " did not answer within "
								+ TIMEOUT.toSeconds() + " s (" + cause.getClass().getSimpleName() + said + ")");
		}
	}

}
