package dev.commitcollector.query.web;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;

import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The query-service's HTTP server meters at {@code /actuator/prometheus}: each request of
 * the read API counted by route and status, with the histogram buckets the dashboard's
 * latency percentiles come from.
 */
class QueryMetricsTest extends QueryIntegrationTest {

	@Test
	void countsEachReadRequestByRouteAndStatusWithLatencyBuckets() {
		aRepository("github", "acme/metered").commitsBy("ada", 3).commitsBy("bob", 1).store();
		double before = sample(prometheus(), "http_server_requests_seconds_count", "uri=\"/api/v1/authors\"",
				"status=\"200\"");

		for (int i = 0; i < 5; i++) {
			web.get().uri("/api/v1/authors?repository=acme/metered").exchange().expectStatus().isOk();
		}
		web.get().uri("/api/v1/authors?repository=acme/never-stored").exchange().expectStatus().isNotFound();

		// the server records a request once its answer has gone out, which can be after
		// the
		// client has read it
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String after = prometheus();
			assertThat(sample(after, "http_server_requests_seconds_count", "uri=\"/api/v1/authors\"", "status=\"200\"")
					- before)
				.isEqualTo(5);
			assertThat(sample(after, "http_server_requests_seconds_count", "uri=\"/api/v1/authors\"", "status=\"404\""))
				.isGreaterThanOrEqualTo(1);
			assertThat(after.lines()
				.filter(line -> line.startsWith("http_server_requests_seconds_bucket{"))
				.filter(line -> line.contains("uri=\"/api/v1/authors\""))).isNotEmpty();
			assertThat(after).contains("application=\"query-service\"");
		});
	}

	@Test
	void countsTheKeysetPagesUnderTheirRouteTemplates() {
		aRepository("github", "acme/metered-keyset").commitsBy("login:ada", 3).store();
		String authors = "uri=\"/api/v1/repository/authors\"";
		String commits = "uri=\"/api/v1/authors/{author}/commits\"";
		String before = prometheus();

		for (int i = 0; i < 3; i++) {
			web.get().uri("/api/v1/repository/authors?repository=acme/metered-keyset").exchange().expectStatus().isOk();
			web.get()
				.uri("/api/v1/authors/login:ada/commits?repository=acme/metered-keyset")
				.exchange()
				.expectStatus()
				.isOk();
		}

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String after = prometheus();
			for (String route : new String[] { authors, commits }) {
				assertThat(sample(after, "http_server_requests_seconds_count", route, "status=\"200\"")
						- sample(before, "http_server_requests_seconds_count", route, "status=\"200\""))
					.as(route)
					.isEqualTo(3);
				assertThat(after.lines()
					.filter(line -> line.startsWith("http_server_requests_seconds_bucket{"))
					.filter(line -> line.contains(route))).as(route).isNotEmpty();
			}
		});
	}

	/**
	 * The whole exposition: past the client's default of 256 KB once the other tests of
	 * the JVM have left their routes' histograms in it.
	 */
	private String prometheus() {
		return web.mutate()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The sum of the samples of {@code name} whose labels include all of {@code labels}.
	 */
	private static double sample(String exposition, String name, String... labels) {
		return exposition.lines()
			.filter(line -> line.startsWith(name + "{"))
			.filter(line -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
