package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.commitcollector.fetcher.application.FetchRecords;
import dev.commitcollector.fetcher.application.Watches;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import dev.commitcollector.fetcher.domain.Watch;
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
 * Watches over HTTP, on real PostgreSQL: added with a location, listed, shown with their
 * last fetch as it stands, removed; refused with a problem that names the field. No
 * scheduler ticks here (src/test/resources/config), so a watch stays as it was added.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fetcher.topic.name=commits.discovered.watch-test", "fetcher.watches.min-interval=PT5M" })
@AutoConfigureWebTestClient
class WatchApiTest {

	private final String repository = "watch/r" + UUID.randomUUID().toString().substring(0, 8);

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	FetchRecords records;

	@Autowired
	Watches watches;

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
	void addsAWatchAnswering201WithItsLocation() {
		var result = http.post()
			.uri("/api/v1/watches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"repository\":\"" + repository + "\",\"limit\":50,\"interval\":\"PT15M\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult();
		JsonNode watch = json.readTree(result.getResponseBody());

		String id = watch.get("id").asString();
		assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/watches/" + id);
		assertThat(watch.propertyNames()).containsExactlyInAnyOrder("id", "provider", "repository", "limit", "interval",
				"createdAt", "nextRunAt", "lastFetch", "failedTurns");
		assertThat(watch.get("provider").asString()).isEqualTo("github");
		assertThat(watch.get("repository").asString()).isEqualTo(repository);
		assertThat(watch.get("limit").asInt()).isEqualTo(50);
		assertThat(watch.get("interval").asString()).isEqualTo("PT15M");
		assertThat(watch.get("nextRunAt").asString()).isEqualTo(watch.get("createdAt").asString());
		assertThat(watch.get("lastFetch").isNull()).isTrue();
		assertThat(get("/api/v1/watches/" + id)).isEqualTo(watch);
	}

	@Test
	void takesTheDefaultLimitWhenNoneIsGiven() {
		JsonNode watch = add("{\"provider\":\"gitlab\",\"repository\":\"" + repository + "\",\"interval\":\"PT1H\"}");

		assertThat(watch.get("provider").asString()).isEqualTo("gitlab");
		assertThat(watch.get("limit").asInt()).isEqualTo(1000);
		assertThat(watch.get("interval").asString()).isEqualTo("PT1H");
	}

	@Test
	void listsWatchesByProviderAndRepository() {
		String b = add("{\"repository\":\"" + repository + "-b\",\"interval\":\"PT5M\"}").get("id").asString();
		String a = add("{\"repository\":\"" + repository + "-a\",\"interval\":\"PT5M\"}").get("id").asString();

		List<String> listed = new ArrayList<>();
		get("/api/v1/watches").get("watches").forEach(watch -> listed.add(watch.get("id").asString()));

		assertThat(listed).containsSubsequence(a, b);
	}

	@Test
	void listsEveryWatchAPageAtATimeFollowingNext() {
		List<String> added = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			added.add(add("{\"repository\":\"" + repository + "-p" + i + "\",\"interval\":\"PT5M\"}").get("id")
				.asString());
		}

		List<String> listed = new ArrayList<>();
		JsonNode page = get("/api/v1/watches?size=2");
		int pages = 1;
		while (true) {
			assertThat(page.get("watches").size()).isBetween(1, 2);
			page.get("watches").forEach(watch -> listed.add(watch.get("id").asString()));
			if (page.get("next").isNull()) {
				break;
			}
			page = get("/api/v1/watches?size=2&after=" + page.get("next").asString());
			pages++;
		}

		assertThat(listed).doesNotHaveDuplicates().containsSubsequence(added);
		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(get("/api/v1/watches").get("watches").size()).isEqualTo(listed.size());
	}

	@Test
	void refusesAPageSizeOrCursorItCannotReadNamingTheParameter() {
		for (String query : List.of("size=0", "size=1001", "size=ten", "after=not-a-cursor", "after=Zm9vfGJhcg")) {
			String problem = http.get()
				.uri("/api/v1/watches?" + query)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(problem).as(query).contains("query parameter '" + query.substring(0, query.indexOf('=')) + "'");
		}
	}

	@Test
	void showsTheStatusOfItsLastFetchAsThatFetchStandsNow() {
		String id = add("{\"repository\":\"" + repository + "\",\"interval\":\"PT5M\"}").get("id").asString();
		Fetch fetch = Fetch.requested(new RepositoryRef("github", RepositoryPath.parse(repository)), 10,
				FetchMode.INCREMENTAL, Instant.now());
		records.save(fetch).block(Duration.ofSeconds(10));
		Watch watch = watches.find(UUID.fromString(id)).block(Duration.ofSeconds(10)).orElseThrow();
		watches.started(watch.id(), watch.nextRunAt(), fetch.id(), watch.nextRunAt().plus(watch.interval()), 0)
			.block(Duration.ofSeconds(10));
		records.save(fetch.running().completed(Instant.now())).block(Duration.ofSeconds(10));

		JsonNode last = get("/api/v1/watches/" + id).get("lastFetch");

		assertThat(last.get("id").asString()).isEqualTo(fetch.id().toString());
		assertThat(last.get("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void removesAWatchAnswering204ThenKnowsItNoMore() {
		String id = add("{\"repository\":\"" + repository + "\",\"interval\":\"PT5M\"}").get("id").asString();

		http.delete().uri("/api/v1/watches/" + id).exchange().expectStatus().isNoContent();

		expectProblem(http.get().uri("/api/v1/watches/" + id).exchange().expectStatus().isNotFound());
		expectProblem(http.delete().uri("/api/v1/watches/" + id).exchange().expectStatus().isNotFound());
	}

	@Test
	void answersAnUnknownIdWith404() {
		expectProblem(http.get().uri("/api/v1/watches/" + UUID.randomUUID()).exchange().expectStatus().isNotFound());
		expectProblem(http.delete().uri("/api/v1/watches/" + UUID.randomUUID()).exchange().expectStatus().isNotFound());
	}

	@Test
	void refusesASecondWatchOfTheSameRepositoryNamingTheFirst() {
		String id = add("{\"repository\":\"" + repository + "\",\"interval\":\"PT5M\"}").get("id").asString();

		expectProblem(
				post("{\"repository\":\"" + repository + "\",\"interval\":\"PT1H\"}").expectStatus().isEqualTo(409))
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains(id))
			.jsonPath("$.existing")
			.isEqualTo(id);
	}

	@Test
	void refusesAWatchItCannotTakeNamingTheField() {
		assertBadRequestNaming("{\"repository\":\"" + repository + "\",\"interval\":\"PT4M59S\"}", "interval");
		assertBadRequestNaming("{\"repository\":\"" + repository + "\",\"interval\":\"15 minutes\"}", "interval");
		assertBadRequestNaming("{\"repository\":\"" + repository + "\"}", "interval");
		assertBadRequestNaming("{\"repository\":\"" + repository + "\",\"interval\":\"P400D\"}", "interval");
		assertBadRequestNaming("{\"repository\":\"" + repository + "\",\"interval\":\"P1Y\"}", "not years or months");
		assertBadRequestNaming("{\"repository\":\"" + repository + "\",\"interval\":\"PT99999999999999999H\"}",
				"interval is longer than a year");
		assertBadRequestNaming("{\"repository\":\"https://github.com/a/b\",\"interval\":\"PT5M\"}", "repository");
		assertBadRequestNaming("{\"interval\":\"PT5M\"}", "repository");
		assertBadRequestNaming("{\"provider\":\"nowhere\",\"repository\":\"a/b\",\"interval\":\"PT5M\"}", "provider");
		assertBadRequestNaming("{\"repository\":\"" + repository + "\",\"limit\":0,\"interval\":\"PT5M\"}", "limit");
		assertBadRequestNaming("{\"repository\":\"" + repository + "\",\"limit\":100001,\"interval\":\"PT5M\"}",
				"limit");
		// JSON of another type is not converted
		assertBadRequestNaming("{\"repository\":\"" + repository + "\",\"limit\":\"7\",\"interval\":\"PT5M\"}",
				"limit");
		assertBadRequestNaming("{\"repository\":123,\"interval\":\"PT5M\"}", "repository");
		assertBadRequestNaming("{\"repository\":\"" + repository + "\",\"interval\":300}", "interval");
		assertBadRequestNaming("{\"provider\":true,\"repository\":\"" + repository + "\",\"interval\":\"PT5M\"}",
				"provider");
		// an example that would be refused again is no help
		assertBadRequestNaming("{\"interval\":", "cannot be read as a watch request");
		assertBadRequestNaming("[]", "\"interval\":\"PT1H\"");
	}

	private void assertBadRequestNaming(String body, String field) {
		expectProblem(post(body).expectStatus().isBadRequest()).jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).as(body).contains(field));
		assertThat(get("/api/v1/watches").get("watches").toString()).as(body).doesNotContain(repository);
	}

	private WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response) {
		return response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
	}

	private WebTestClient.ResponseSpec post(String body) {
		return http.post().uri("/api/v1/watches").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	@Test
	void refusesAnAnswerItCannotGiveBeforeWatchingFetchingOrRemovingAnything() {
		String body = "{\"repository\":\"" + repository + "\",\"interval\":\"PT5M\"}";
		http.post()
			.uri("/api/v1/watches")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_XML)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_HTML)
			.bodyValue("{\"repository\":\"" + repository + "\",\"limit\":10}")
			.exchange()
			.expectStatus()
			.isEqualTo(406);

		List<String> watched = new ArrayList<>();
		get("/api/v1/watches").get("watches").forEach(watch -> watched.add(watch.get("repository").asString()));
		assertThat(watched).doesNotContain(repository);
		assertThat(get("/api/v1/fetches?repository=" + repository).get("fetches").isEmpty()).isTrue();

		String id = add(body).get("id").asString();
		http.delete().uri("/api/v1/watches/" + id).accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(406);
		assertThat(get("/api/v1/watches/" + id).get("id").asString()).isEqualTo(id);
	}

	private JsonNode add(String body) {
		return json.readTree(post(body).expectStatus().isCreated().expectBody().returnResult().getResponseBody());
	}

	private JsonNode get(String uri) {
		byte[] body = http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json.readTree(body);
	}

}
