package dev.commitcollector.query.web;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Co-authored counts beside commit counts, and an author's commits by role. */
class CoAuthorsApiTest extends QueryIntegrationTest {

	private static final String REPOSITORY = "acme/co-authored";

	@BeforeEach
	void storeAPairedHistory() {
		aRepository("github", REPOSITORY).commit(sha(1), "login:ada", "ada", "Ada", "ada@example.org", at(1))
			.commit(sha(2), "login:ada", "ada", "Ada", "ada@example.org", at(2))
			.commit(sha(3), "login:ada", "ada", "Ada", "ada@example.org", at(3))
			.commit(sha(4), "email:grace@example.org", null, "Grace", "grace@example.org", at(4))
			.coAuthor(sha(1), "Grace Hopper", "Grace@Example.org")
			.coAuthor(sha(3), "Grace Hopper", "grace@example.org")
			.coAuthor(sha(3), "Linus", "linus@example.org")
			.store();
	}

	@Test
	void showsEachAuthorsCoAuthoredCountBesideTheirCommitCountOnEveryAuthorListing() {
		JsonNode index = get("/api/v1/repository/authors?repository=" + REPOSITORY);
		assertThat(index.get("totalAuthors").asLong()).isEqualTo(2);
		assertThat(JsonPages.summaries(index.get("authors"))).containsExactly("login:ada 3 0",
				"email:grace@example.org 1 2");

		JsonNode grouped = get("/api/v1/authors?repository=" + REPOSITORY);
		assertThat(JsonPages.summaries(grouped.get("authors"))).containsExactly("login:ada 3 0",
				"email:grace@example.org 1 2");
	}

	@Test
	void listsTheCommitsThatCreditAnAuthorAsCoAuthorOrInEitherRole() {
		String commits = "/api/v1/authors/email:grace@example.org/commits?repository=" + REPOSITORY;

		assertThat(JsonPages.shas(get(commits))).containsExactly(sha(4));
		assertThat(JsonPages.shas(get(commits + "&role=author"))).containsExactly(sha(4));
		assertThat(JsonPages.shas(get(commits + "&role=coauthor"))).containsExactly(sha(3), sha(1));
		assertThat(JsonPages.shas(get(commits + "&role=any"))).containsExactly(sha(4), sha(3), sha(1));
		assertThat(JsonPages
			.shas(get("/api/v1/authors/email:linus@example.org/commits?role=coauthor&repository=" + REPOSITORY)))
			.containsExactly(sha(3));
	}

	@Test
	void pagesCommitsInEitherRoleWithoutGapsOrRepeats() {
		List<String> shas = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = get("/api/v1/authors/email:grace@example.org/commits?role=any&size=1&repository="
					+ REPOSITORY + (after == null ? "" : "&after=" + after));
			shas.addAll(JsonPages.shas(page));
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);

		assertThat(shas).containsExactly(sha(4), sha(3), sha(1));
	}

	@Test
	void refusesAnUnknownRoleWithAProblemThatNamesTheChoices() {
		web.get()
			.uri("/api/v1/authors/login:ada/commits?role=reviewer&repository=" + REPOSITORY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("role must be author, coauthor or any, was 'reviewer'");
	}

	private static Instant at(int day) {
		return Instant.parse("2024-03-01T00:00:00Z").plusSeconds(86_400L * day);
	}

	private static String sha(int n) {
		return String.format("%040x", 0xc0a0L + n);
	}

}
