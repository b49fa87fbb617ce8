package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description and Swagger UI are reachable from the page; actuator shows
 * health, metrics and prometheus only.
 */
class ApiDocsTest extends QueryIntegrationTest {

	@Test
	void describesTheReadApiInOpenApi() {
		web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("/api/v1/authors", "/api/v1/repository/authors",
					"/api/v1/authors/{author}/commits", "/api/v1/repositories"));
		web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void servesThePageAndItsConfiguration() {
		web.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("<title>commit-collector</title>", "/swagger-ui.html"));
		web.get()
			.uri("/ui/config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fetcherUrl")
			.isEqualTo("http://localhost:8081");
	}

	@Test
	void exposesOnlyHealthMetricsAndPrometheus() {
		// each attempt on a fresh short timeout: the readiness probe asks the database
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.untilAsserted(() -> web.mutate()
				.responseTimeout(java.time.Duration.ofSeconds(5))
				.build()
				.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP"));
		web.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
		web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		web.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
		web.get().uri("/actuator/beans").exchange().expectStatus().isNotFound();
	}

}
