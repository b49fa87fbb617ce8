package dev.commitcollector.fetcher.forge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import dev.commitcollector.fetcher.FetcherInfrastructure;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The fetcher's meters at {@code /actuator/prometheus}: registered at start (0 before any
 * work), then counted through real fetches against a stub GitHub, one of them waiting for
 * a rate limit and one failing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fetcher.topic.name=commits.discovered.metrics-test")
@AutoConfigureWebTestClient
class FetcherMetricsTest {

	/**
	 * Open until the JVM ends: the cached Spring context names it, and a failed test run
	 * once more (Surefire's rerun) runs against it again.
	 */
	private static final MockWebServer github = new MockWebServer();

	private static final GitHubStub stub = GitHubStub.serving(github, "", "acme", "widgets")
		.withHistory(GitHubStub.history(500));

	WebTestClient http;

	@Autowired
	void http(WebTestClient client) {
		this.http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
		FetcherInfrastructure.register(registry);
		github.start();
		registry.add("forges.providers.github.api-url", () -> github.url("/").toString().replaceAll("/$", ""));
	}

	@Test
	void countsFetchesForgeRequestsRateLimitWaitsAndPublishedCommits() {
		String before = prometheus();
		assertThat(sample(before, "fetches_seconds_count", "provider=\"github\"", "outcome=\"completed\"")).isZero();
		assertThat(sample(before, "forge_rate_limit_waits_total", "provider=\"gitlab\"")).isZero();
		assertThat(sample(before, "commits_published_total", "provider=\"github\"")).isZero();
		assertThat(before).contains("mailmaps_failed_total{");
		assertThat(sample(before, "forge_requests_seconds_count", "provider=\"github\"")).isZero();

		stub.answerNext(GitHubStub.rateLimited(Instant.now().plusSeconds(1)));
		awaitEnded(request("{\"repository\":\"acme/widgets\",\"limit\":300,\"mode\":\"full\"}"), "COMPLETED");
		awaitEnded(request("{\"repository\":\"acme/missing\",\"limit\":10}"), "FAILED");

		String after = prometheus();
		assertThat(sample(after, "fetches_seconds_count", "provider=\"github\"", "outcome=\"completed\"")).isEqualTo(1);
		assertThat(sample(after, "fetches_seconds_count", "provider=\"github\"", "outcome=\"failed\"")).isEqualTo(1);
		assertThat(sample(after, "commits_published_total", "provider=\"github\"")).isEqualTo(300);
		assertThat(sample(after, "forge_rate_limit_waits_total", "provider=\"github\"")).isEqualTo(1);
		assertThat(sample(after, "forge_requests_seconds_count", "provider=\"github\"", "status=\"403\"")).isEqualTo(1);
		assertThat(sample(after, "forge_requests_seconds_count", "provider=\"github\"", "status=\"200\""))
			.as("three pages of 100")
			.isEqualTo(3);
		assertThat(sample(after, "forge_requests_seconds_count", "provider=\"github\"", "status=\"404\""))
			.as("the missing repository, and the .mailmap acme/widgets does not have")
			.isEqualTo(2);
		assertThat(sample(after, "mailmaps_failed_total", "provider=\"github\"")).isZero();
		assertThat(after).contains("application=\"fetcher-service\"");
	}

	private String request(String body) {
		String location = http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		return location;
	}

	private void awaitEnded(String location, String status) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> http.get().uri(location).exchange().expectBody().jsonPath("$.status").isEqualTo(status));
	}

	private String prometheus() {
		return http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The sum of the samples of {@code name} whose labels include all of {@code labels};
	 * fails when there is none: the meter must be registered.
	 */
	private static double sample(String exposition, String name, String... labels) {
		double[] values = exposition.lines()
			.filter(line -> line.startsWith(name + "{"))
			.filter(line -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.toArray();
		assertThat(values).as(name + " " + Arrays.toString(labels) + " in\n" + exposition).isNotEmpty();
		return Arrays.stream(values).sum();
	}

}
