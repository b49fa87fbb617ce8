package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import dev.commitcollector.fetcher.FetcherInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A repository's fetch runs (its forge does not answer): a request that asks for no more
 * gets that fetch, and one that asks for more is refused with 409, naming the fetch under
 * way and what it asks for, instead of being answered with less than it asked for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fetcher.topic.name=commits.discovered.under-way-test")
@AutoConfigureWebTestClient
class FetchUnderWayApiTest {

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

	@Test
	void refusesARequestForMoreThanTheFetchUnderWayWith409NamingIt() {
		String id = post("{\"repository\":\"acme/under-way\",\"limit\":10}").expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()
			.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> http.get()
				.uri("/api/v1/fetches/" + id)
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("RUNNING"));

		post("{\"repository\":\"acme/under-way\",\"limit\":5}").expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id);
		post("{\"repository\":\"acme/under-way\",\"limit\":500,\"mode\":\"full\"}").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.existing")
			.isEqualTo(id)
			.jsonPath("$.limit")
			.isEqualTo(10)
			.jsonPath("$.mode")
			.isEqualTo("incremental")
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("acme/under-way has a fetch under way")
				.contains("(limit 500, full)")
				.contains("GET /api/v1/fetches/" + id));
	}

	private WebTestClient.ResponseSpec post(String body) {
		return http.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
