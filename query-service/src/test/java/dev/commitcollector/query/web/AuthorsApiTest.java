package dev.commitcollector.query.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.commitcollector.query.QueryIntegrationTest;
import dev.commitcollector.query.StoredCommits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/authors} as a client sees it, over what the store wrote. */
class AuthorsApiTest extends QueryIntegrationTest {

	@Test
	void listsAuthorsWithTheMostCommitsFirstAndTiesByKey() {
		aRepository("github", "acme/ranking").commitsBy("bob", 1)
			.commitsBy("carol", 3)
			.commitsBy("alice", 1)
			.commitsBy("dave", 2)
			.store();

		authors("repository=acme/ranking").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.authors[*].key")
			.isEqualTo(List.of("carol", "dave", "alice", "bob"))
			.jsonPath("$.authors[*].commitCount")
			.isEqualTo(List.of(3, 2, 1, 1));
	}

	@Test
	void givesEachAuthorTheirIdentityAndAllTheirCommitsNewestFirst() {
		aRepository("github", "acme/identity")
			.commit("a1", "ada", "ada-l", "Ada Lovelace", "ada@example.org", at("2024-03-02T10:00:00Z"))
			.commit("a2", "ada", "ada-l", "A. Lovelace", "ada@work.example", at("2024-03-05T08:30:00Z"))
			.commit("b1", "bob", "bob-b", "Bob", "bob@example.org", at("2024-03-04T00:00:00Z"))
			.commit("a3", "ada", "ada-l", "Ada Lovelace", "ada@example.org", at("2024-03-01T00:00:00Z"))
			.store();
		aRepository("github", "acme/elsewhere")
			.commit("x1", "ada", "ada-l", "Ada Lovelace", "ada@example.org", at("2024-03-10T00:00:00Z"))
			.store();

		authors("repository=acme/identity").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.authors[0].key")
			.isEqualTo("ada")
			.jsonPath("$.authors[0].login")
			.isEqualTo("ada-l")
			.jsonPath("$.authors[0].names")
			.isEqualTo(List.of("A. Lovelace", "Ada Lovelace"))
			.jsonPath("$.authors[0].emails")
			.isEqualTo(List.of("ada@example.org", "ada@work.example"))
			.jsonPath("$.authors[0].commitCount")
			.isEqualTo(3)
			.jsonPath("$.authors[0].commits[*].sha")
			.isEqualTo(List.of("a2", "a1", "a3"))
			.jsonPath("$.authors[0].commits[*].authoredAt")
			.isEqualTo(List.of("2024-03-05T08:30:00Z", "2024-03-02T10:00:00Z", "2024-03-01T00:00:00Z"))
			.jsonPath("$.authors[1].key")
			.isEqualTo("bob")
			.jsonPath("$.authors[1].commits[*].sha")
			.isEqualTo(List.of("b1"));
	}

	@Test
	void streamsEveryCommitOfAProlificAuthorOnceNewestFirstAcrossCursorFetchesAndBuffers() {
		aRepository("github", "acme/prolific").commitsBy("prolific", 2_345).commitsBy("second", 600).store();

		String body = authors("repository=acme/prolific").expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		JsonNode page = JsonMapper.builder().build().readTree(body);
		assertThat(page.get("totalCommits").asLong()).isEqualTo(2_945);
		assertThat(page.get("authors")).hasSize(2);
		JsonNode prolific = page.get("authors").get(0);
		assertThat(prolific.get("key").asString()).isEqualTo("prolific");
		List<String> dates = new ArrayList<>();
		prolific.get("commits").forEach(commit -> dates.add(commit.get("authoredAt").asString()));
		assertThat(dates).hasSize(2_345).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(page.get("authors").get(1).get("commits")).hasSize(600);
	}

	@Test
	void reportsTheRepositoryTotalsAndHowManyPagesTheyFill() {
		aRepository("github", "acme/totals").commitsBy("a", 3)
			.commitsBy("b", 2)
			.commitsBy("c", 1)
			.commitsBy("d", 1)
			.commitsBy("e", 1)
			.store();

		authors("repository=acme/totals", "size=2").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.provider")
			.isEqualTo("github")
			.jsonPath("$.repository")
			.isEqualTo("acme/totals")
			.jsonPath("$.totalCommits")
			.isEqualTo(8)
			.jsonPath("$.totalAuthors")
			.isEqualTo(5)
			.jsonPath("$.totalPages")
			.isEqualTo(3)
			.jsonPath("$.lastStoredAt")
			.isNotEmpty();
	}

	@Test
	void servesTheThirdAndFourthAuthorsAsTheSecondPageOfTwo() {
		fiveAuthors("acme/paging");

		authors("repository=acme/paging", "page=1", "size=2").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page")
			.isEqualTo(1)
			.jsonPath("$.size")
			.isEqualTo(2)
			.jsonPath("$.authors[*].key")
			.isEqualTo(List.of("c", "d"))
			.jsonPath("$.authors[0].commits.length()")
			.isEqualTo(3)
			.jsonPath("$.authors[1].commits.length()")
			.isEqualTo(2);
	}

	@Test
	void servesNoAuthorsButTheTotalsForAPagePastTheEnd() {
		fiveAuthors("acme/past-the-end");

		authors("repository=acme/past-the-end", "page=3", "size=2").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.authors")
			.isEqualTo(List.of())
			.jsonPath("$.page")
			.isEqualTo(3)
			.jsonPath("$.totalAuthors")
			.isEqualTo(5)
			.jsonPath("$.totalCommits")
			.isEqualTo(15)
			.jsonPath("$.totalPages")
			.isEqualTo(3);
	}

	@Test
	void servesTheFirstFiftyAuthorsWhenNoPageIsAskedFor() {
		StoredCommits crowd = aRepository("github", "acme/crowd");
		for (int i = 1; i <= 51; i++) {
			crowd.commitsBy(String.format("author-%02d", i), 1);
		}
		crowd.store();

		authors("repository=acme/crowd").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page")
			.isEqualTo(0)
			.jsonPath("$.size")
			.isEqualTo(50)
			.jsonPath("$.totalPages")
			.isEqualTo(2)
			.jsonPath("$.authors.length()")
			.isEqualTo(50)
			.jsonPath("$.authors[0].key")
			.isEqualTo("author-01")
			.jsonPath("$.authors[49].key")
			.isEqualTo("author-50");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 500 })
	void acceptsPageSizesFromOneToFiveHundred(int size) {
		fiveAuthors("acme/sizes");

		authors("repository=acme/sizes", "size=" + size).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.size")
			.isEqualTo(size)
			.jsonPath("$.authors.length()")
			.isEqualTo(Math.min(size, 5));
	}

	@Test
	void readsGitHubWhenNoProviderIsGivenAndTheGivenProviderOtherwise() {
		aRepository("github", "acme/twins").commitsBy("on-github", 1).store();
		aRepository("gitlab", "acme/twins").commitsBy("on-gitlab", 2).store();

		authors("repository=acme/twins").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.provider")
			.isEqualTo("github")
			.jsonPath("$.authors[*].key")
			.isEqualTo(List.of("on-github"));
		authors("provider=gitlab", "repository=acme/twins").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.provider")
			.isEqualTo("gitlab")
			.jsonPath("$.authors[*].key")
			.isEqualTo(List.of("on-gitlab"));
	}

	@Test
	void answersNotFoundWithAProblemNamingTheRepositoryWhenItIsNotStored() {
		authors("repository=acme/never-fetched").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains("acme/never-fetched"));
	}

	@Test
	void saysHowARepositoryIsStoredWhenAskedForItWithTheGitEndingTheFetcherDrops() {
		aRepository("github", "acme/dotgit").commitsBy("someone", 1).store();

		authors("repository=acme/DotGit.git").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("no commits of acme/DotGit.git from github are stored, but of acme/dotgit: ask for it"
					+ " so spelled");
	}

	@Test
	void saysHowARepositoryIsStoredWhenAskedForItInAnotherLetterCase() {
		aRepository("github", "acme/Mixed-Case").commitsBy("someone", 1).store();

		authors("repository=acme/mixed-case").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("no commits of acme/mixed-case from github are stored, but of acme/Mixed-Case: ask for it"
					+ " so spelled");
		web.get()
			.uri("/api/v1/repository/authors?repository=ACME/MIXED-CASE")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains("but of acme/Mixed-Case"));
	}

	@Test
	void answersNotFoundForARepositoryStoredOnlyFromAnotherProvider() {
		aRepository("gitlab", "acme/only-on-gitlab").commitsBy("someone", 1).store();

		authors("repository=acme/only-on-gitlab").expectStatus().isNotFound();
	}

	@ParameterizedTest(name = "[{index}] ?{0}")
	@ValueSource(strings = { "", "page=0", "repository=", "repository=../etc", "repository=https://x/y",
			"repository=acme/valid&size=0", "repository=acme/valid&size=501", "repository=acme/valid&page=-1",
			"repository=acme/valid&page=abc", "repository=acme/valid&size=abc",
			"repository=acme/valid&provider=GitHub!" })
	void rejectsParametersThatCannotNameAPageOfAStoredRepositoryWithABadRequestProblem(String query) {
		aRepository("github", "acme/valid").commitsBy("someone", 1).store();

		authors(query.isEmpty() ? new String[0] : query.split("&")).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	@Test
	void returnsNamesWithUnicodeAndMarkupVerbatim() {
		String name = "Zoë Łukasiewicz 李小龍 🚀 <script>alert('x')</script>";
		aRepository("github", "acme/unicode")
			.commit("u1", "zoe", "zoe", name, "zoë@exämple.org", at("2024-05-01T12:00:00Z"))
			.store();

		authors("repository=acme/unicode").expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.authors[0].names")
			.isEqualTo(List.of(name))
			.jsonPath("$.authors[0].emails")
			.isEqualTo(List.of("zoë@exämple.org"))
			.consumeWith(result -> assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8))
				.contains("\"" + name + "\""));
	}

	/** Five authors a to e with five down to one commits, fifteen in all. */
	private static void fiveAuthors(String repository) {
		aRepository("github", repository).commitsBy("e", 1)
			.commitsBy("d", 2)
			.commitsBy("c", 3)
			.commitsBy("b", 4)
			.commitsBy("a", 5)
			.store();
	}

	/**
	 * GET the authors with each {@code name=value} as a query parameter, its value
	 * encoded as a client would.
	 */
	private WebTestClient.ResponseSpec authors(String... parameters) {
		return web.get().uri(uri -> {
			uri.path("/api/v1/authors");
			Map<String, String> values = new HashMap<>();
			for (int i = 0; i < parameters.length; i++) {
				String[] parameter = parameters[i].split("=", 2);
				uri.queryParam(parameter[0], "{v" + i + "}");
				values.put("v" + i, parameter[1]);
			}
			return uri.build(values);
		}).exchange();
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
