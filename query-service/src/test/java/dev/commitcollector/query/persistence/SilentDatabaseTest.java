package dev.commitcollector.query.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import dev.commitcollector.query.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PostgreSQL hung, or its host lost without a word: connections stay open and nothing
 * comes back (a TCP link in front of the real database, frozen). Reads answer 503 once
 * their statement timeout (1 s here) has passed, the hot pages too, and readiness says
 * DOWN, where before all of them waited without end. The client waits 30 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "query.database.statement-timeout=1s", "query.database.health-timeout=1s",
				"spring.r2dbc.pool.max-size=2" })
@AutoConfigureWebTestClient
@DirtiesContext
class SilentDatabaseTest {

	private static FrozenLink link;

	private WebTestClient web;

	@Autowired
	void web(WebTestClient client) {
		this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		TestInfrastructure.Database db = TestInfrastructure.database();
		link = new FrozenLink(db.host(), db.port());
		registry.add("spring.r2dbc.url",
				() -> "r2dbc:postgresql://127.0.0.1:" + link.port() + "/" + TestInfrastructure.DATABASE);
		registry.add("spring.r2dbc.username", () -> TestInfrastructure.READER);
		registry.add("spring.r2dbc.password", () -> TestInfrastructure.READER);
	}

	@AfterAll
	static void closeLink() throws IOException {
		link.close();
	}

	@Test
	void answersReadsWith503AndReadinessDownWhenPostgresSaysNothing() {
		web.get().uri("/api/v1/repositories").exchange().expectStatus().isOk();

		link.freeze();

		for (String uri : new String[] { "/api/v1/repositories", "/api/v1/repository/authors?repository=acme/app",
				"/api/v1/authors/ada/commits?repository=acme/app", "/api/v1/repository?repository=acme/app" }) {
			web.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		byte[] readiness = web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(readiness)).as("which part is down, without its details")
			.contains("\"r2dbc\":{\"status\":\"DOWN\"}");
	}

}
