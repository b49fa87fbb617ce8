package dev.commitcollector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A store started while Kafka is away (a host reboot, a broker restarted after its
 * clients) creates its topics, with its own partitions and settings, once Kafka is back;
 * readiness is DOWN naming why until then; and it consumes from them. Without this the
 * broker created them on the consumer's first request, with the broker's defaults: here
 * two partitions, not the store's three, and a mailmap topic that is not compacted.
 */
class StartsBeforeKafkaTest {

	private static final String OWN = "starts-before-kafka";

	private ConfigurableApplicationContext store;

	private ClosedPort kafka;

	@AfterEach
	void stop() throws Exception {
		if (store != null) {
			store.close();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void createsItsTopicsWithItsOwnPartitionsOnceKafkaIsBackAndConsumesFromThem() throws Exception {
		TestInfrastructure.Servers servers = TestInfrastructure.servers();
		kafka = new ClosedPort();
		store = new SpringApplicationBuilder(StoreApplication.class).run(arguments(servers, kafka.address()));
		WebTestClient http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + store.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.kafka.status")
			.isEqualTo("DOWN");

		String[] broker = servers.bootstrapServers().split(",")[0].split(":");
		kafka.forwardTo(broker[0], Integer.parseInt(broker[1]));

		try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", servers.bootstrapServers()))) {
			await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
				Map<String, TopicDescription> topics = admin.describeTopics(List.of(OWN, OWN + ".mailmaps"))
					.allTopicNames()
					.get(10, TimeUnit.SECONDS);
				assertThat(topics.get(OWN).partitions()).hasSize(3);
				assertThat(topics.get(OWN + ".mailmaps").partitions()).hasSize(3);
			});
			ConfigResource mailmaps = new ConfigResource(ConfigResource.Type.TOPIC, OWN + ".mailmaps");
			assertThat(admin.describeConfigs(List.of(mailmaps))
				.all()
				.get(10, TimeUnit.SECONDS)
				.get(mailmaps)
				.get(TopicConfig.CLEANUP_POLICY_CONFIG)
				.value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());

		Events event = Events.anEvent().repository(OWN + "/late");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", servers.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(OWN, event.key(), event.json())).get(10, TimeUnit.SECONDS);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> StoredCommits.commits(OWN + "/late") == 1);
	}

	/**
	 * The shared PostgreSQL, Kafka behind a port that is closed for now, topics of its
	 * own with three partitions, where the test broker's default is two.
	 */
	private static String[] arguments(TestInfrastructure.Servers servers, String kafka) {
		Map<String, String> settings = new HashMap<>();
		settings.put("server.port", "0");
		settings.put("spring.kafka.bootstrap-servers", kafka);
		settings.put("spring.kafka.consumer.group-id", OWN);
		settings.put("store.consumer.topic", OWN);
		settings.put("store.consumer.partitions", "3");
		settings.put("store.consumer.dead-letter-topic", OWN + ".DLT");
		settings.put("store.mailmaps.topic", OWN + ".mailmaps");
		settings.put("store.mailmaps.dead-letter-topic", OWN + ".mailmaps.DLT");
		settings.put("spring.r2dbc.url",
				"r2dbc:postgresql://" + servers.host() + ":" + servers.port() + "/" + TestInfrastructure.DATABASE);
		settings.put("spring.r2dbc.username", servers.user());
		settings.put("spring.r2dbc.password", servers.password());
		settings.put("spring.flyway.url", servers.jdbcUrl());
		settings.put("spring.flyway.user", servers.user());
		settings.put("spring.flyway.password", servers.password());
		settings.put("store.reader.password", StoreIntegrationTest.READER_PASSWORD);
		return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

}
