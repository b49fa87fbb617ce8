package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import dev.commitcollector.fetcher.FetcherInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A fetcher that runs one fetch at once and lets one wait: while a fetch holds the one
 * slot (its forge does not answer) and another waits, a fetch of a third repository
 * answers 429 with {@code Retry-After}, and one of the same repository answers with the
 * running fetch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fetcher.topic.name=commits.discovered.queue-test", "fetcher.fetches.max-concurrent-fetches=1",
				"fetcher.fetches.max-queued=1" })
@AutoConfigureWebTestClient
class QueueFullApiTest {

	private static final SilentGitHub forge = new SilentGitHub();

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
		FetcherInfrastructure.register(registry);
		forge.serve(registry);
	}

	@AfterAll
	static void release() {
		forge.release();
	}

	@Autowired
	DatabaseClient db;

	/**
	 * The count of waiting fetches spans every instance sharing the database: fetches
	 * other test contexts left waiting would count too.
	 */
	@BeforeEach
	void noOtherFetchWaits() {
		db.sql("update fetcher.fetches set status = 'FAILED', finished_at = now() where finished_at is null")
			.then()
			.block(Duration.ofSeconds(10));
	}

	@Test
	void answers429WithRetryAfterWhenNoMoreFetchesMayWait() {
		String running = post("acme/holds-the-slot").expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String id = running.substring(running.indexOf("\"id\":\"") + 6, running.indexOf("\"id\":\"") + 42);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> http.get()
				.uri("/api/v1/fetches/" + id)
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("RUNNING"));
		post("acme/waits-its-turn").expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("QUEUED");

		post("acme/one-too-many").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "30")
			.expectBody()
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("FETCH_MAX_QUEUED"));
		String again = post("acme/holds-the-slot").expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(again).contains(running.substring(running.indexOf("\"id\""), running.indexOf("\"id\"") + 44));
	}

	private WebTestClient.ResponseSpec post(String repository) {
		return http.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"repository\":\"" + repository + "\",\"limit\":10}")
			.exchange();
	}

}
