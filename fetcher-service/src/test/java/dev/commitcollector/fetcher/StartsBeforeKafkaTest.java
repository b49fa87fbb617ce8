package dev.commitcollector.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.commitcollector.store.ClosedPort;
import dev.commitcollector.store.TestInfrastructure;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A fetcher started while Kafka is away creates its topics with its own partitions once
 * Kafka is back (the broker would create them with its defaults on first use), and until
 * then refuses a fetch with a 503 that says why instead of queueing its command.
 */
class StartsBeforeKafkaTest {

	private static final String OWN = "fetcher-starts-before-kafka";

	private ConfigurableApplicationContext fetcher;

	private ClosedPort kafka;

	@AfterEach
	void stop() throws Exception {
		if (fetcher != null) {
			fetcher.close();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void createsItsTopicsWithItsOwnPartitionsOnceKafkaIsBackAndRefusesFetchesUntilThen() throws Exception {
		TestInfrastructure.Servers servers = TestInfrastructure.servers();
		kafka = new ClosedPort();
		fetcher = new SpringApplicationBuilder(FetcherApplication.class).run(arguments(servers, kafka.address()));
		WebTestClient http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + fetcher.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(60))
			.build();
		http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"provider\":\"github\",\"repository\":\"acme/widgets\",\"limit\":10}")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		String[] broker = servers.bootstrapServers().split(",")[0].split(":");
		kafka.forwardTo(broker[0], Integer.parseInt(broker[1]));

		try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", servers.bootstrapServers()))) {
			await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
				Map<String, TopicDescription> topics = admin
					.describeTopics(List.of(OWN + ".commands", OWN + ".commits"))
					.allTopicNames()
					.get(10, TimeUnit.SECONDS);
				assertThat(topics.get(OWN + ".commands").partitions()).hasSize(5);
				assertThat(topics.get(OWN + ".commits").partitions()).hasSize(5);
			});
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
	}

	/**
	 * The shared PostgreSQL, Kafka behind a port that is closed for now, topics of its
	 * own with five partitions, where the test broker's default is two.
	 */
	private static String[] arguments(TestInfrastructure.Servers servers, String kafka) {
		Map<String, String> settings = new HashMap<>();
		settings.put("server.port", "0");
		settings.put("spring.kafka.bootstrap-servers", kafka);
		settings.put("spring.kafka.consumer.group-id", OWN);
		settings.put("fetcher.commands.name", OWN + ".commands");
		settings.put("fetcher.commands.partitions", "5");
		settings.put("fetcher.commands.dead-letter-topic", OWN + ".commands.DLT");
		settings.put("fetcher.topic.name", OWN + ".commits");
		settings.put("fetcher.topic.partitions", "5");
		settings.put("fetcher.mailmaps.name", OWN + ".mailmaps");
		settings.put("spring.r2dbc.url",
				"r2dbc:postgresql://" + servers.host() + ":" + servers.port() + "/" + TestInfrastructure.DATABASE);
		settings.put("spring.r2dbc.username", servers.user());
		settings.put("spring.r2dbc.password", servers.password());
		settings.put("spring.flyway.url", servers.jdbcUrl());
		settings.put("spring.flyway.user", servers.user());
		settings.put("spring.flyway.password", servers.password());
		return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

}
