package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.commitcollector.fetcher.application.FetchRecords;
import dev.commitcollector.fetcher.application.KnownRepositories;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
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
 * The fetch listing and lookup over HTTP, on real PostgreSQL: fetches recorded by an
 * earlier process (written straight to the records, never held in this one's memory) are
 * listed newest first a page at a time, and found by id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fetcher.topic.name=commits.discovered.listing-test")
@AutoConfigureWebTestClient
class FetchListingApiTest {

	private static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");

	private final RepositoryPath repository = RepositoryPath
		.parse("listing/r" + UUID.randomUUID().toString().substring(0, 8));

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	FetchRecords records;

	@Autowired
	KnownRepositories known;

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
	void listsRecordedFetchesNewestFirstAPageAtATimeUntilNextIsNull() {
		List<String> newestFirst = new ArrayList<>(recorded(7).stream().map(f -> f.id().toString()).toList());
		Collections.reverse(newestFirst);

		List<String> listed = new ArrayList<>();
		String next = null;
		int pages = 0;
		do {
			JsonNode page = get("/api/v1/fetches?provider=github&repository=" + repository + "&size=3"
					+ (next == null ? "" : "&after=" + next));
			page.get("fetches").forEach(fetch -> listed.add(fetch.get("id").asString()));
			next = page.get("next").isNull() ? null : page.get("next").asString();
			pages++;
		}
		while (next != null && pages < 10);

		assertThat(pages).isEqualTo(3);
		assertThat(listed).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void listsTheFetchesOfARepositoryAskedForInAnotherLetterCase() {
		known.name("github", repository).block(Duration.ofSeconds(10));
		List<Fetch> fetches = recorded(2);

		JsonNode page = get(
				"/api/v1/fetches?provider=github&repository=" + repository.toString().toUpperCase(Locale.ROOT));

		assertThat(page.get("fetches")).hasSize(fetches.size());
		assertThat(page.get("fetches").get(0).get("repository").asString()).isEqualTo(repository.toString());
	}

	@Test
	void showsTheSameFieldsInTheListingAsForOneFetch() {
		Fetch fetch = recorded(1).get(0);

		JsonNode listed = get("/api/v1/fetches?repository=" + repository + "&status=queued").get("fetches").get(0);
		JsonNode one = get("/api/v1/fetches/" + fetch.id());

		assertThat(listed).isEqualTo(one);
		assertThat(one.get("status").asString()).isEqualTo("QUEUED");
		assertThat(one.get("repository").asString()).isEqualTo(repository.toString());
		assertThat(one.get("startedAt").asString()).isEqualTo(fetch.startedAt().toString());
		assertThat(one.propertyNames()).containsExactlyInAnyOrder("id", "provider", "repository", "limit", "mode",
				"status", "commitsDiscovered", "commitsAlreadyKnown", "commitsSetAside", "error", "startedAt",
				"finishedAt", "waitingUntil", "traceId", "attempt");
		assertThat(one.get("attempt").asInt()).as("not taken up yet").isZero();
	}

	@Test
	void answersAnUnknownIdWith404() {
		http.get()
			.uri("/api/v1/fetches/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesAParameterItCannotReadNamingIt() {
		assertBadRequestNaming("provider=nowhere", "provider");
		assertBadRequestNaming("repository=..%2Fetc", "repository");
		assertBadRequestNaming("provider=gitlab&repository=a", "repository");
		assertBadRequestNaming("status=DONE", "status");
		assertBadRequestNaming("size=0", "size");
		assertBadRequestNaming("size=501", "size");
		assertBadRequestNaming("size=ten", "size");
		assertBadRequestNaming("after=not-a-cursor", "after");
		assertBadRequestNaming("after=" + Base64.getUrlEncoder().encodeToString("x|y".getBytes()), "after");
	}

	private void assertBadRequestNaming(String query, String parameter) {
		http.get()
			.uri("/api/v1/fetches?" + query)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).as(query).contains("'" + parameter + "'"));
	}

	/**
	 * Fetches as an earlier process recorded them, oldest first, a second apart; all but
	 * the newest ended.
	 */
	private List<Fetch> recorded(int count) {
		List<Fetch> fetches = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Fetch fetch = Fetch.requested(new RepositoryRef("github", repository), 10, FetchMode.INCREMENTAL,
					T0.plusSeconds(i));
			// a repository has one unfinished fetch at most: the newest
			fetch = i < count - 1 ? fetch.running().completed(T0.plusSeconds(i).plusMillis(500)) : fetch;
			records.save(fetch).block(Duration.ofSeconds(10));
			fetches.add(fetch);
		}
		return fetches;
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
