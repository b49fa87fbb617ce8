package dev.commitcollector.query.web;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.commitcollector.query.QueryIntegrationTest;
import dev.commitcollector.query.StoredCommits;
import dev.commitcollector.query.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * {@code identities=merged}: the authors the mailmap or a noreply address say are one
 * person, folded, on every author endpoint; {@code raw} (the default) as before.
 */
class MergedIdentitiesApiTest extends QueryIntegrationTest {

	@Test
	void foldsTheAuthorsGitsExampleMailmapSaysAreOnePerson() {
		String repository = "acme/merged-mailmap";
		aRepository("github", repository)
			.commit(sha(1), "email:jane@example.com", null, "Jane Doe", "jane@example.com", at(1))
			.commit(sha(2), "email:jane@laptop.(none)", null, "Jane Doe", "jane@laptop.(none)", at(2))
			.commit(sha(3), "email:jane@desktop.(none)", null, "Jane D.", "jane@desktop.(none)", at(3))
			.commit(sha(4), "email:jane@desktop.(none)", null, "Jane D.", "jane@desktop.(none)", at(4))
			.commit(sha(5), "email:joe@example.com", null, "Joe Developer", "joe@example.com", at(5))
			.mailmap("Joe R. Developer", null, null, "joe@example.com")
			.mailmap("Jane Doe", "jane@example.com", null, "jane@laptop.(none)")
			.mailmap("Jane Doe", "jane@example.com", null, "jane@desktop.(none)")
			.store();

		JsonNode raw = get("/api/v1/repository/authors?repository=" + repository);
		assertThat(raw.get("totalAuthors").asLong()).isEqualTo(4);
		assertThat(raw.get("authors").get(0).has("keys")).isFalse();

		JsonNode merged = get("/api/v1/repository/authors?identities=merged&repository=" + repository);
		assertThat(merged.get("totalAuthors").asLong()).isEqualTo(2);
		JsonNode jane = merged.get("authors").get(0);
		assertThat(jane.get("key").asString()).isEqualTo("email:jane@desktop.(none)");
		assertThat(jane.get("commitCount").asLong()).isEqualTo(4);
		assertThat(jane.get("share").asDouble()).isEqualTo(0.8);
		assertThat(JsonPages.strings(jane.get("keys"))).containsExactly("email:jane@desktop.(none)",
				"email:jane@example.com", "email:jane@laptop.(none)");
		assertThat(JsonPages.strings(jane.get("names"))).containsExactly("Jane Doe", "Jane D.");
		assertThat(JsonPages.strings(jane.get("emails"))).containsExactlyInAnyOrder("jane@example.com",
				"jane@laptop.(none)", "jane@desktop.(none)");
		assertThat(JsonPages.strings(merged.get("authors").get(1).get("names"))).first().isEqualTo("Joe R. Developer");

		assertThat(JsonPages
			.shas(get("/api/v1/authors/email:jane@laptop.(none)/commits?identities=merged&repository=" + repository)))
			.containsExactly(sha(4), sha(3), sha(2), sha(1));
		assertThat(JsonPages.shas(get("/api/v1/authors/email:jane@laptop.(none)/commits?repository=" + repository)))
			.containsExactly(sha(2));
	}

	@Test
	void foldsNoreplyAddressesIntoTheirAccountWithCoAuthoredCountsSummed() {
		String repository = "acme/merged-noreply";
		aRepository("github", repository)
			.commit(sha(11), "login:octocat", "octocat", "The Octocat", "octocat@github.com", at(1))
			.commit(sha(12), "email:583231+octocat@users.noreply.github.com", null, "Octo",
					"583231+octocat@users.noreply.github.com", at(2))
			.commit(sha(13), "email:octocat@users.noreply.github.com", null, "Octo", "octocat@users.noreply.github.com",
					at(3))
			.commit(sha(14), "email:ada@example.org", null, "Ada", "ada@example.org", at(4))
			.coAuthor(sha(14), "Octo", "583231+octocat@users.noreply.github.com")
			.store();

		JsonNode merged = get("/api/v1/repository/authors?identities=merged&repository=" + repository);
		assertThat(JsonPages.summaries(merged.get("authors"))).containsExactly("login:octocat 3 1",
				"email:ada@example.org 1 0");
		assertThat(merged.get("authors").get(0).get("login").asString()).isEqualTo("octocat");

		JsonNode grouped = get("/api/v1/authors?identities=merged&repository=" + repository);
		assertThat(grouped.get("totalAuthors").asLong()).isEqualTo(2);
		JsonNode octocat = grouped.get("authors").get(0);
		assertThat(JsonPages.summaries(grouped.get("authors"))).containsExactly("login:octocat 3 1",
				"email:ada@example.org 1 0");
		List<String> commits = new ArrayList<>();
		octocat.get("commits").forEach(c -> commits.add(c.get("sha").asString()));
		assertThat(commits).containsExactly(sha(13), sha(12), sha(11));

		assertThat(JsonPages
			.shas(get("/api/v1/authors/login:octocat/commits?identities=merged&role=any&repository=" + repository)))
			.containsExactly(sha(14), sha(13), sha(12), sha(11));
	}

	@Test
	void creditsAPersonWithEachCommitTheyCoAuthoredOnceAndWithNoneOfTheirOwn() {
		String repository = "acme/merged-credits";
		aRepository("github", repository)
			.commit(sha(21), "login:octocat", "octocat", "The Octocat", "octocat@github.com", at(1))
			.commit(sha(22), "email:ada@example.org", null, "Ada", "ada@example.org", at(2))
			.coAuthor(sha(21), "Octo", "583231+octocat@users.noreply.github.com")
			.coAuthor(sha(22), "Octo", "583231+octocat@users.noreply.github.com")
			.coAuthor(sha(22), "Octo", "octocat@users.noreply.github.com")
			.store();

		JsonNode merged = get("/api/v1/repository/authors?identities=merged&repository=" + repository);

		assertThat(JsonPages.summaries(merged.get("authors"))).containsExactly("email:ada@example.org 1 0",
				"login:octocat 1 1");
		assertThat(JsonPages.shas(
				get("/api/v1/authors/login:octocat/commits?identities=merged&role=coauthor&repository=" + repository)))
			.containsExactly(sha(22));
	}

	@Test
	void foldsAnAuthorWithNoAddressIntoWhoTheMailmapSaysTheyAre() {
		String repository = "acme/merged-nameless";
		aRepository("github", repository)
			.commit(sha(31), "email:torvalds@linux-foundation.org", null, "Linus Torvalds",
					"torvalds@linux-foundation.org", at(1))
			.commit(sha(32), "name:linus", null, "Linus", "", at(2))
			.mailmap("Linus Torvalds", "torvalds@linux-foundation.org", "Linus", "")
			.store();

		JsonNode merged = get("/api/v1/repository/authors?identities=merged&repository=" + repository);

		assertThat(JsonPages.summaries(merged.get("authors")))
			.containsExactly("email:torvalds@linux-foundation.org 2 0");
	}

	@Test
	void pagesPeopleByCommitCountWithoutGapsOrRepeats() {
		String repository = "acme/merged-pages";
		StoredCommits stored = aRepository("github", repository);
		for (int i = 0; i < 30; i++) {
			String login = String.format("dev%02d", i);
			for (int c = 0; c <= i % 4; c++) {
				stored.commit(String.format("%040x", 0xa0000L + i * 10 + c), "login:" + login, login, login,
						login + "@example.org", at(c));
			}
			stored.commit(String.format("%040x", 0xb0000L + i), "email:" + login + "@users.noreply.github.com", null,
					login, login + "@users.noreply.github.com", at(9));
		}
		stored.store();

		List<String> expected = new ArrayList<>();
		for (int count = 4; count >= 1; count--) {
			for (int i = 0; i < 30; i++) {
				if (i % 4 + 2 == count + 1) {
					expected.add(String.format("login:dev%02d %d", i, count + 1));
				}
			}
		}
		List<String> seen = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = get("/api/v1/repository/authors?identities=merged&size=7&repository=" + repository
					+ (after == null ? "" : "&after=" + after));
			assertThat(page.get("totalAuthors").asLong()).isEqualTo(30);
			page.get("authors").forEach(a -> seen.add(a.get("key").asString() + " " + a.get("commitCount").asLong()));
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);

		assertThat(seen).hasSize(30).containsExactlyElementsOf(expected);
		assertThat(get("/api/v1/repository/authors?identities=merged&filter=DEV07&repository=" + repository)
			.get("authors")).hasSize(1);
		assertThat(get("/api/v1/authors?identities=merged&size=4&page=7&repository=" + repository).get("authors"))
			.hasSize(2);
	}

	@Test
	void filtersTheMergedViewAsTheRawViewIgnoringCaseOneCharacterAtATime() {
		aRepository("github", "acme/merged-filter")
			.commit(String.format("%040x", 0xf11e1L), "email:ilker@example.org", null, "İlker Yılmaz",
					"ilker@example.org", Instant.EPOCH)
			.commit(String.format("%040x", 0xf11e2L), "email:ilse@example.org", null, "Ilse Meier", "ilse@example.org",
					Instant.EPOCH)
			.commit(String.format("%040x", 0xf11e3L), "name:bob", null, "Bob", "bob@example.org", Instant.EPOCH)
			.store();

		for (String filter : List.of("İ", "i", "ILKER", "İLKER", "yıl")) {
			Set<String> raw = keys("/api/v1/repository/authors?filter=" + filter + "&repository=acme/merged-filter");
			Set<String> merged = keys(
					"/api/v1/repository/authors?identities=merged&filter=" + filter + "&repository=acme/merged-filter");
			assertThat(merged).as(filter).isEqualTo(raw).isNotEmpty().doesNotContain("name:bob");
		}
	}

	private Set<String> keys(String uri) {
		Set<String> keys = new TreeSet<>();
		get(uri).get("authors").forEach(author -> keys.add(author.get("key").asString()));
		return keys;
	}

	@Test
	void refusesAnUnknownIdentitiesViewWithAProblemThatNamesTheChoices() {
		aRepository("github", "acme/merged-bad").commitsBy("login:x", 1).store();
		for (String uri : List.of("/api/v1/repository/authors?identities=people&repository=acme/merged-bad",
				"/api/v1/authors?identities=people&repository=acme/merged-bad",
				"/api/v1/authors/login:x/commits?identities=people&repository=acme/merged-bad")) {
			web.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("identities must be raw or merged, was 'people'");
		}
	}

	@Test
	void sharesAddUpToOneWhenTheRepositoryRowWasReadAMomentApartFromItsAuthors() throws SQLException {
		String repository = "acme/merged-while-storing";
		aRepository("github", repository).commitsBy("email:ada@example.org", 3)
			.commitsBy("email:bob@example.org", 1)
			.store();
		// the repository row as read a moment before the store's last batch: the merged
		// view reads it in a statement of its own, apart from the authors
		try (Connection c = TestInfrastructure.database().asOwner();
				PreparedStatement lag = c.prepareStatement(
						"update repositories set commit_count = 2 where provider = 'github' and repository = ?")) {
			lag.setString(1, repository);
			lag.executeUpdate();
		}

		JsonNode index = get("/api/v1/repository/authors?identities=merged&repository=" + repository);
		assertThat(index.get("totalCommits").asLong()).isEqualTo(4);
		assertThat(index.get("authors").get(0).get("share").asDouble()).isEqualTo(0.75);
		assertThat(index.get("authors").get(1).get("share").asDouble()).isEqualTo(0.25);
		assertThat(get("/api/v1/authors?identities=merged&repository=" + repository).get("totalCommits").asLong())
			.isEqualTo(4);
	}

	private static Instant at(int day) {
		return Instant.parse("2024-04-01T00:00:00Z").plusSeconds(86_400L * day);
	}

	private static String sha(int n) {
		return String.format("%040x", 0xd0d0L + n);
	}

}
