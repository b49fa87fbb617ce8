package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class ApiKeyFilterTest {

	private static final CorsSettings CORS = new CorsSettings(List.of("http://localhost:8083"));

	private final ApiKeyFilter filter = new ApiKeyFilter(new ApiKeys(List.of("first-key", " second-key ")), CORS);

	@Test
	void refusesAPostWithoutAKeyWith401ProblemAndABearerChallenge() {
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/api/v1/fetches"));

		assertThat(passes(filter, exchange)).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":401")
			.contains("Authorization: Bearer");
	}

	@Test
	void refusesAWrongKeyAndNeverRepeatsIt() {
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.delete("/api/v1/watches/1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer guessed-key"));

		assertThat(passes(filter, exchange)).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("guessed-key")
			.doesNotContain("first-key");
	}

	@Test
	void letsThroughAPostWithAnyConfiguredKeyAndEveryGet() {
		assertThat(passes(filter, exchange(
				MockServerHttpRequest.post("/api/v1/fetches").header(HttpHeaders.AUTHORIZATION, "Bearer second-key"))))
			.isTrue();
		assertThat(passes(filter, exchange(
				MockServerHttpRequest.post("/api/v1/fetches").header(HttpHeaders.AUTHORIZATION, "bearer first-key"))))
			.isTrue();
		assertThat(passes(filter, exchange(MockServerHttpRequest.get("/api/v1/fetches/x")))).isTrue();
	}

	@Test
	void letsThePageReadThe401FromItsOwnOrigin() {
		MockServerWebExchange exchange = exchange(
				MockServerHttpRequest.post("/api/v1/fetches").header(HttpHeaders.ORIGIN, "http://localhost:8083"));

		passes(filter, exchange);

		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin())
			.isEqualTo("http://localhost:8083");
	}

	@Test
	void isOpenWhenNoKeyIsConfigured() {
		ApiKeyFilter open = new ApiKeyFilter(new ApiKeys(List.of()), CORS);

		assertThat(passes(open, exchange(MockServerHttpRequest.post("/api/v1/fetches")))).isTrue();
	}

	private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.from(request.build());
	}

	private static boolean passes(ApiKeyFilter filter, MockServerWebExchange exchange) {
		AtomicBoolean passed = new AtomicBoolean();
		filter.filter(exchange, ex -> {
			passed.set(true);
			return Mono.empty();
		}).block();
		return passed.get();
	}

}
