package dev.commitcollector.query.web;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.commitcollector.query.QueryIntegrationTest;
import dev.commitcollector.query.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The keyset-paginated read model: repositories, a repository's authors, an author's
 * commits.
 */
class KeysetApiTest extends QueryIntegrationTest {

	@Test
	void pagesAnAuthorsCommitsNewestFirstWithoutGapsOrRepeatsWhileNewCommitsAreStored() throws Exception {
		String repository = "acme/keyset-commits";
		aRepository("github", repository).commitsBy("login:busy", 250).commitsBy("login:other", 5).store();
		Set<String> original = new HashSet<>(shasOf(repository, "login:busy"));
		assertThat(original).hasSize(250);

		List<JsonNode> seen = new ArrayList<>();
		String after = null;
		int round = 0;
		do {
			JsonNode page = get("/api/v1/authors/login:busy/commits?repository=" + repository + "&size=40"
					+ (after == null ? "" : "&after=" + after));
			page.get("commits").forEach(seen::add);
			after = page.get("next").isNull() ? null : page.get("next").asString();
			// the store goes on writing: commits newer than everything, and older than
			// the cursor
			storeCommit(repository, "login:busy", Instant.parse("2030-01-01T00:00:00Z").plusSeconds(round));
			storeCommit(repository, "login:busy", Instant.parse("2023-06-01T00:00:00Z").plusSeconds(round++));
		}
		while (after != null);

		List<String> shas = seen.stream().map(c -> c.get("sha").asString()).toList();
		assertThat(shas).doesNotHaveDuplicates().containsAll(original);
		List<String> order = seen.stream()
			.map(c -> c.get("authoredAt").asString() + " " + c.get("sha").asString())
			.toList();
		assertThat(order).isSortedAccordingTo(
				(a, b) -> -Instant.parse(a.split(" ")[0]).compareTo(Instant.parse(b.split(" ")[0])) != 0
						? -Instant.parse(a.split(" ")[0]).compareTo(Instant.parse(b.split(" ")[0])) : -a.compareTo(b));
		assertThat(seen.get(0).get("url").asString())
			.isEqualTo("https://github.com/" + repository + "/commit/" + seen.get(0).get("sha").asString());
		assertThat(seen.get(0).get("messageHeadline").asString()).startsWith("commit ");
	}

	@Test
	void pagesAuthorsByCommitCountWithoutGapsOrRepeats() throws Exception {
		String repository = "acme/keyset-authors";
		var stored = aRepository("github", repository);
		for (int i = 0; i < 120; i++) {
			stored.commitsBy(String.format("email:dev%03d@example.org", i), 1 + i % 9);
		}
		stored.store();
		List<String> expected = new ArrayList<>();
		web.get()
			.uri("/api/v1/authors?repository=" + repository + "&size=500")
			.exchange()
			.expectBody()
			.jsonPath("$.authors[*].key")
			.value(keys -> expected.addAll((List<String>) keys));

		List<String> keys = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = get("/api/v1/repository/authors?repository=" + repository + "&size=25"
					+ (after == null ? "" : "&after=" + after));
			assertThat(page.get("totalAuthors").asLong()).isEqualTo(120);
			page.get("authors").forEach(a -> keys.add(a.get("key").asString()));
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);

		assertThat(keys).hasSize(120).containsExactlyElementsOf(expected);
	}

	@Test
	void writesHostileStringsAndFractionsOfSecondsExactlyOnBothPages() {
		String repository = "acme/keyset-exact";
		String hostile = "email:\"q\"\\\u0001\t\u2028\u00e9\ud83d\ude00</s>";
		String sha = "s\u001fa\\\"";
		aRepository("github", repository)
			.commit("e5", hostile, "lo\"gin", "\u00dcn\u00ef \u0007", "h\n@x.org",
					Instant.parse("2024-02-29T23:59:59.000001Z"))
			.commit("b2", hostile, null, "", "", Instant.parse("1999-12-31T00:00:00Z"))
			.commit("c3", "login:plain", "plain", "Plain", "plain@example.org", Instant.parse("2024-05-01T09:30:00.5Z"))
			.commit("d4", "login:plain", "plain", "Plain", "plain@example.org",
					Instant.parse("2024-05-01T09:30:00.123456Z"))
			.commit(sha, "login:plain", "plain", "Plain", "plain@example.org", Instant.parse("2000-01-01T00:00:00Z"))
			.store();

		assertThat(body("/api/v1/repository/authors?repository=" + repository + "&size=2"))
			.isEqualTo("{\"provider\":\"github\",\"repository\":\"acme/keyset-exact\",\"totalCommits\":5,"
					+ "\"totalAuthors\":2,\"authors\":[{\"key\":\"login:plain\",\"login\":\"plain\",\"names\":[\"Plain\"],"
					+ "\"emails\":[\"plain@example.org\"],\"commitCount\":3,\"share\":0.6,"
					+ "\"lastAuthoredAt\":\"2024-05-01T09:30:00.500Z\",\"coAuthoredCount\":0},"
					+ "{\"key\":\"email:\\\"q\\\"\\\\\\u0001\\t\u2028\u00e9\ud83d\ude00</s>\",\"login\":\"lo\\\"gin\","
					+ "\"names\":[\"\u00dcn\u00ef \\u0007\"],\"emails\":[\"h\\n@x.org\"],\"commitCount\":2,\"share\":0.4,"
					+ "\"lastAuthoredAt\":\"2024-02-29T23:59:59.000001Z\",\"coAuthoredCount\":0}],\"next\":null}");
		String first = "/api/v1/authors/login:plain/commits?repository=" + repository + "&size=2";
		String next = base64("2024-05-01T09:30:00.123456Z\nd4");
		assertThat(body(first)).isEqualTo("{\"author\":\"login:plain\",\"commits\":[{\"sha\":\"c3\","
				+ "\"authoredAt\":\"2024-05-01T09:30:00.500Z\",\"committedAt\":\"2024-05-01T09:30:00.500Z\","
				+ "\"messageHeadline\":\"commit c3\",\"url\":\"https://github.com/acme/keyset-exact/commit/c3\"},"
				+ "{\"sha\":\"d4\",\"authoredAt\":\"2024-05-01T09:30:00.123456Z\","
				+ "\"committedAt\":\"2024-05-01T09:30:00.123456Z\",\"messageHeadline\":\"commit d4\","
				+ "\"url\":\"https://github.com/acme/keyset-exact/commit/d4\"}],\"next\":\"" + next + "\"}");
		assertThat(body(first + "&after=" + next)).isEqualTo("{\"author\":\"login:plain\",\"commits\":[{"
				+ "\"sha\":\"s\\u001Fa\\\\\\\"\",\"authoredAt\":\"2000-01-01T00:00:00Z\","
				+ "\"committedAt\":\"2000-01-01T00:00:00Z\",\"messageHeadline\":\"commit s\\u001Fa\\\\\\\"\","
				+ "\"url\":\"https://github.com/acme/keyset-exact/commit/s\\u001Fa\\\\\\\"\"}],\"next\":null}");
	}

	@Test
	void listsCommitsDatedTheLastMomentsOfYear9999First() throws Exception {
		String repository = "acme/keyset-late";
		String last = "f".repeat(40);
		String second = "e".repeat(40);
		aRepository("github", repository)
			.commit(last, "login:late", "late", "Late", "late@example.org",
					Instant.parse("9999-12-31T23:59:59.999999Z"))
			.commit(second, "login:late", "late", "Late", "late@example.org", Instant.parse("9999-12-31T23:59:59Z"))
			.commit("a".repeat(40), "login:late", "late", "Late", "late@example.org",
					Instant.parse("2024-01-01T00:00:00Z"))
			.store();

		JsonNode page = get("/api/v1/authors/login:late/commits?repository=" + repository + "&size=2");

		assertThat(page.get("commits").findValuesAsString("sha")).containsExactly(last, second);
		assertThat(get("/api/v1/authors/login:late/commits?repository=" + repository + "&size=2&after="
				+ page.get("next").asString())
			.get("commits")
			.findValuesAsString("sha")).containsExactly("a".repeat(40));
	}

	@Test
	void filtersAuthorsByNameLoginOrEmailIgnoringCase() throws Exception {
		String repository = "acme/keyset-filter";
		aRepository("github", repository)
			.commit(sha(1), "login:octocat", "octocat", "The Octocat", "cat@example.org", Instant.now())
			.commit(sha(2), "email:ada@example.org", null, "Ada Lovelace", "ada@example.org", Instant.now())
			.commit(sha(3), "email:grace@navy.mil", null, "Grace Hopper", "grace@navy.mil", Instant.now())
			.store();

		assertThat(filteredKeys(repository, "LOVELACE")).containsExactly("email:ada@example.org");
		assertThat(filteredKeys(repository, "octo")).containsExactly("login:octocat");
		assertThat(filteredKeys(repository, "navy.MIL")).containsExactly("email:grace@navy.mil");
		assertThat(filteredKeys(repository, "100%_")).isEmpty();
	}

	@Test
	void matchesAFilterWithinOneNameOrEmailNeverAcrossTwo() throws Exception {
		String repository = "acme/keyset-filter-apart";
		aRepository("github", repository)
			.commit(sha(1), "login:ann", "ann", "Ann", "a@x.org", Instant.parse("2024-01-01T00:00:00Z"))
			.commit(sha(2), "login:ann", "ann", "Lee", "b@y.org", Instant.parse("2024-01-02T00:00:00Z"))
			.store();

		assertThat(filteredKeys(repository, "n l")).isEmpty();
		assertThat(filteredKeys(repository, "org b")).isEmpty();
		assertThat(filteredKeys(repository, "lee")).containsExactly("login:ann");
		assertThat(filteredKeys(repository, "y.org")).containsExactly("login:ann");
	}

	@Test
	void listsStoredRepositoriesByCursor() throws Exception {
		for (String name : List.of("list-a", "list-b", "list-c")) {
			aRepository("listing", "acme/" + name).commitsBy("login:x", 2).store();
		}
		List<String> names = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = get("/api/v1/repositories?size=2" + (after == null ? "" : "&after=" + after));
			page.get("repositories").forEach(r -> {
				if (r.get("provider").asString().equals("listing")) {
					names.add(r.get("repository").asString());
					assertThat(r.get("commitCount").asLong()).isEqualTo(2);
				}
			});
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);
		assertThat(names).containsExactly("acme/list-a", "acme/list-b", "acme/list-c");

		web.get()
			.uri("/api/v1/repository?provider=listing&repository=acme/list-b")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.authorCount")
			.isEqualTo(1);
	}

	@Test
	void saysWhatTheLastReadOfARepositorysMailmapFound() {
		aRepository("github", "acme/mailmap-none").commitsBy("login:x", 1).store();
		aRepository("github", "acme/mailmap-absent").commitsBy("login:x", 1).noMailmap().store();
		aRepository("github", "acme/mailmap-two").commitsBy("login:x", 1)
			.mailmap("Ada", "ada@example.org", null, "ada@old.example.org")
			.mailmap(null, "ada@example.org", "Ada L", "al@example.org")
			.store();

		repository("acme/mailmap-none").jsonPath("$.mailmap").isEmpty();
		repository("acme/mailmap-absent").jsonPath("$.mailmap.present")
			.isEqualTo(false)
			.jsonPath("$.mailmap.entries")
			.isEqualTo(0);
		repository("acme/mailmap-two").jsonPath("$.mailmap.present")
			.isEqualTo(true)
			.jsonPath("$.mailmap.entries")
			.isEqualTo(2)
			.jsonPath("$.mailmap.truncated")
			.isEqualTo(false)
			.jsonPath("$.mailmap.readAt")
			.isNotEmpty();
	}

	@Test
	void listsEachRepositoryWithItsMailmapRead() throws Exception {
		// the first provider by name, so the first page's first repository
		aRepository("0-mailmap", "acme/listed").commitsBy("login:x", 1)
			.mailmap("Ada", "ada@example.org", null, "ada@old.example.org")
			.store();

		JsonNode first = get("/api/v1/repositories?size=1").get("repositories").get(0);

		assertThat(first.get("repository").asString()).isEqualTo("acme/listed");
		assertThat(first.get("mailmap").get("entries").asInt()).isEqualTo(1);
	}

	private WebTestClient.BodyContentSpec repository(String name) {
		return web.get().uri("/api/v1/repository?repository=" + name).exchange().expectStatus().isOk().expectBody();
	}

	@Test
	void refusesCursorsItDidNotHandOutAndSizesOutOfRange() {
		aRepository("github", "acme/keyset-bad").commitsBy("login:x", 1).store();
		for (String uri : List.of("/api/v1/repository/authors?repository=acme/keyset-bad&after=garbage!",
				"/api/v1/repository/authors?repository=acme/keyset-bad&after=" + base64("x\ny"),
				"/api/v1/authors/login:x/commits?repository=acme/keyset-bad&after=" + base64("yesterday\nabc"),
				"/api/v1/repositories?size=0", "/api/v1/repository/authors?repository=acme/keyset-bad&size=501",
				"/api/v1/authors/login:x/commits?repository=acme/keyset-bad&size=1001",
				"/api/v1/authors/login:x/commits?repository=../x")) {
			web.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		web.get()
			.uri("/api/v1/repository/authors?repository=acme/never-stored")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private List<String> filteredKeys(String repository, String filter) throws Exception {
		JsonNode page = get("/api/v1/repository/authors?repository=" + repository + "&filter="
				+ java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8));
		List<String> keys = new ArrayList<>();
		page.get("authors").forEach(a -> keys.add(a.get("key").asString()));
		return keys;
	}

	private List<String> shasOf(String repository, String author) {
		List<String> shas = new ArrayList<>();
		web.get()
			.uri("/api/v1/authors?repository=" + repository + "&size=500")
			.exchange()
			.expectBody(String.class)
			.value(body -> json.readTree(body).get("authors").forEach(a -> {
				if (a.get("key").asString().equals(author)) {
					a.get("commits").forEach(c -> shas.add(c.get("sha").asString()));
				}
			}));
		return shas;
	}

	/** A commit the store-service might write while a client pages. */
	private static void storeCommit(String repository, String author, Instant authoredAt) throws Exception {
		try (Connection c = TestInfrastructure.database().asOwner(); PreparedStatement insert = c.prepareStatement("""
				insert into commits (provider, repository, sha, author_key, authored_at, committed_at,
				                     event_id, fetch_id)
				values ('github', ?, ?, ?, ?, ?, ?, ?)""")) {
			OffsetDateTime at = authoredAt.atOffset(ZoneOffset.UTC);
			insert.setString(1, repository);
			insert.setString(2, sha(authoredAt.hashCode() * 31L + repository.hashCode()));
			insert.setString(3, author);
			insert.setObject(4, at);
			insert.setObject(5, at);
			insert.setObject(6, UUID.randomUUID());
			insert.setObject(7, UUID.randomUUID());
			insert.executeUpdate();
		}
	}

	private static String sha(long seed) {
		return String.format("%040x", Math.abs(seed) + 0xabc0000000L);
	}

	private static String base64(String text) {
		return java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unused")
	private static final Map<String, String> NONE = Map.of();

}
