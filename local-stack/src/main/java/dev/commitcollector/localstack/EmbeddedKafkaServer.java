package dev.commitcollector.localstack;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller), run in this JVM on
 * a free port.
 */
public final class EmbeddedKafkaServer implements KafkaBroker {

	private final EmbeddedKafkaKraftBroker broker;

	private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	/**
	 * Starts the broker with the topics created, each with {@code partitions} partitions.
	 */
	public static EmbeddedKafkaServer start(int partitions, String... topics) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
		broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "true"));
		broker.afterPropertiesSet();
		return new EmbeddedKafkaServer(broker);
	}

	@Override
	public String bootstrapServers() {
		return broker.getBrokersAsString();
	}

	@Override
	public void close() {
		broker.destroy();
	}

}
