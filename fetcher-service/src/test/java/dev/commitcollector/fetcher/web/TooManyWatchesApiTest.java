package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitcollector.fetcher.FetcherInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WATCH_MAX over HTTP, on real PostgreSQL: a watch past it is refused with 409
 * problem+json that counts the watches there are (other tests' watches share the
 * database, so the count is read from the answer and checked against the list).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fetcher.topic.name=commits.discovered.watch-test", "fetcher.watches.max=1" })
@AutoConfigureWebTestClient
class TooManyWatchesApiTest {

	private static final Pattern SAID = Pattern.compile("(\\d+) watch(?:es)? exists? and this fetcher keeps at most 1 "
			+ "\\(WATCH_MAX\\); delete (\\d+) watch(?:es)? you no longer need first, or raise WATCH_MAX");

	private final JsonMapper json = JsonMapper.builder().build();

	WebTestClient http;

	@Autowired
	void http(WebTestClient client) {
		this.http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		FetcherInfrastructure.register(registry);
	}

	@Test
	void refusesAWatchPastWatchMaxWith409CountingTheWatchesThereAre() {
		String first = "watch/max" + UUID.randomUUID().toString().substring(0, 8);
		String second = "watch/max" + UUID.randomUUID().toString().substring(0, 8);
		add(first);

		JsonNode refused = json.readTree(add(second).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult()
			.getResponseBodyContent());

		Matcher said = SAID.matcher(refused.get("detail").asString());
		assertThat(said.matches()).as(refused.toString()).isTrue();
		long existing = Long.parseLong(said.group(1));
		JsonNode listed = json.readTree(http.get()
			.uri("/api/v1/watches?size=1000")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent());
		assertThat(existing).isPositive().isEqualTo(listed.get("watches").size());
		assertThat(Long.parseLong(said.group(2))).isEqualTo(existing);
		assertThat(refused.get("watches").asLong()).isEqualTo(existing);
		assertThat(refused.get("most").asInt()).isEqualTo(1);
		assertThat(listed.toString()).doesNotContain(second);
	}

	private WebTestClient.ResponseSpec add(String repository) {
		return http.post()
			.uri("/api/v1/watches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"repository\":\"" + repository + "\",\"interval\":\"PT1H\"}")
			.exchange();
	}

}
