package dev.commitcollector.store;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A store started while PostgreSQL is away (a host reboot, a deploy during an outage)
 * waits for it and starts once it is back, instead of exiting with no one to start it
 * again: the events wait on Kafka meanwhile.
 */
class StartsBeforeTheDatabaseTest {

	private CompletableFuture<ConfigurableApplicationContext> started;

	@AfterEach
	void reopenAndStop() throws Exception {
		TestInfrastructure.setConnectionsAllowed(true);
		if (started != null) {
			// stopped whenever it starts, also after a failed assertion
			started.thenAccept(ConfigurableApplicationContext::close);
		}
	}

	@Test
	void waitsForADatabaseThatIsAwayAndStartsOnceItIsBack() throws Exception {
		TestInfrastructure.Servers servers = TestInfrastructure.servers();
		TestInfrastructure.setConnectionsAllowed(false);

		started = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(StoreApplication.class).run(arguments(servers)));
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> !started.isDone());

		TestInfrastructure.setConnectionsAllowed(true);
		ConfigurableApplicationContext store = started.get(90, TimeUnit.SECONDS);
		WebTestClient http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + store.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
	}

	/**
	 * The shared servers, with topics and a group of its own: the events other tests left
	 * are not this store's to take. As command-line arguments, which come before
	 * application.yml.
	 */
	private static String[] arguments(TestInfrastructure.Servers servers) {
		String own = "starts-before-the-database";
		Map<String, String> settings = new HashMap<>();
		settings.put("server.port", "0");
		settings.put("spring.kafka.bootstrap-servers", servers.bootstrapServers());
		settings.put("spring.kafka.consumer.group-id", own);
		settings.put("store.consumer.topic", own);
		settings.put("store.consumer.dead-letter-topic", own + ".DLT");
		settings.put("store.mailmaps.topic", own + ".mailmaps");
		settings.put("store.mailmaps.dead-letter-topic", own + ".mailmaps.DLT");
		settings.put("spring.r2dbc.url",
				"r2dbc:postgresql://" + servers.host() + ":" + servers.port() + "/" + TestInfrastructure.DATABASE);
		settings.put("spring.r2dbc.username", servers.user());
		settings.put("spring.r2dbc.password", servers.password());
		settings.put("spring.flyway.url", servers.jdbcUrl());
		settings.put("spring.flyway.user", servers.user());
		settings.put("spring.flyway.password", servers.password());
		settings.put("spring.flyway.connect-retries-interval", "1s");
		// the same as every other store of these tests: it sets the reader role's
		// password
		settings.put("store.reader.password", StoreIntegrationTest.READER_PASSWORD);
		return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

}
