package dev.commitcollector.fetcher;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for the fetcher's integration tests, started once per JVM: Testcontainers where
 * a Docker engine answers, otherwise spring-kafka-test's embedded KRaft broker.
 */
public final class TestKafka {

	private static String bootstrapServers;

	private TestKafka() {
	}

	public static synchronized String bootstrapServers() {
		if (bootstrapServers == null) {
			bootstrapServers = DockerClientFactory.instance().isDockerAvailable() ? container() : embedded();
		}
		return bootstrapServers;
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
	}

	private static String container() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
		kafka.start();
		return kafka.getBootstrapServers();
	}

	private static String embedded() {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 2);
		kafka.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
		kafka.afterPropertiesSet();
		return kafka.getBrokersAsString();
	}

}
