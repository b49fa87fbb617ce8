package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.commitcollector.localstack.SyntheticHistory.Commit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12 across the processes: a stub GitHub repository with a {@code .mailmap}, an
 * account's commits under its login and under its unlinked noreply address, and
 * co-authored commits; the fetcher reads the trailers and the mailmap, the store keeps
 * them, and the query-service answers the raw and the merged groupings and the co-author
 * counts.
 */
class IdentitiesSystemTest {

	private static final String REPOSITORY = "acme/people";

	private static final String NOREPLY = "583231+octocat@users.noreply.github.com";

	/** gitmailmap(5)'s example for Jane and Joe. */
	private static final String MAILMAP = """
			# the people of acme/people
			Joe R. Developer <joe@example.com>
			Jane Doe <jane@example.com> <jane@laptop.(none)>
			Jane Doe <jane@example.com> <jane@desktop.(none)>
			""";

	private static StubGitHub github;

	private static LocalStack stack;

	private static StackClient client;

	@BeforeAll
	static void start() throws Exception {
		github = new StubGitHub();
		github.add(REPOSITORY, history(), Duration.ZERO);
		github.mailmap(REPOSITORY, MAILMAP);
		Path home = LocalStack.home();
		stack = LocalStack.start(home, StackClient.freePorts(),
				Map.of("GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", ""));
		client = new StackClient(stack);
		client.awaitCompleted(client.fetch("github", REPOSITORY, 100));
		client.awaitStored();
		await().atMost(StackClient.BOUND)
			.until(() -> sql("select count(*) from mailmaps where repository = '" + REPOSITORY + "'") == 1);
	}

	@AfterAll
	static void stop() throws Exception {
		if (stack != null) {
			stack.close();
		}
		github.close();
	}

	/**
	 * 24 commits, newest first, four by each of six identities: octocat's account,
	 * octocat's unlinked noreply address, Jane's three addresses, Joe. Every third
	 * credits Grace as a co-author, every fourth octocat's noreply address.
	 */
	private static List<Commit> history() {
		List<Commit> synthetic = SyntheticHistory.of(REPOSITORY, 24, 1);
		List<Commit> commits = new ArrayList<>();
		for (int i = 0; i < synthetic.size(); i++) {
			Commit c = synthetic.get(i);
			String[] who = switch (i % 6) {
				case 0 -> new String[] { "The Octocat", "octocat@github.com", "octocat" };
				case 1 -> new String[] { "Octo Cat", NOREPLY, null };
				case 2 -> new String[] { "Jane Doe", "jane@example.com", null };
				case 3 -> new String[] { "Jane Doe", "jane@laptop.(none)", null };
				case 4 -> new String[] { "Jane D.", "jane@desktop.(none)", null };
				default -> new String[] { "Joe Developer", "joe@example.com", null };
			};
			StringBuilder message = new StringBuilder("Change " + i + "\n\nPaired on it.\n");
			if (i % 3 == 0 || i % 4 == 0) {
				message.append('\n');
			}
			if (i % 3 == 0) {
				message.append("Co-authored-by: Grace Hopper <grace@example.org>\n");
			}
			if (i % 4 == 0) {
				message.append("co-authored-by: Octo Cat <" + NOREPLY + ">\n");
			}
			commits.add(new Commit(c.sha(), who[0], who[1], who[2], c.authoredAt(), message.toString().strip(),
					c.parent()));
		}
		return commits;
	}

	@Test
	void answersTheRawGroupingAsTheIdentityRuleSaysWithCoAuthoredCounts() throws Exception {
		JsonNode raw = client.get(authors(""));

		assertThat(raw.get("totalAuthors").asLong()).isEqualTo(6);
		assertThat(summaries(raw)).containsExactly("email:" + NOREPLY + " 4 6", "email:jane@desktop.(none) 4 0",
				"email:jane@example.com 4 0", "email:jane@laptop.(none) 4 0", "email:joe@example.com 4 0",
				"login:octocat 4 0");
		assertThat(sql("select count(*) from commit_co_authors where repository = '" + REPOSITORY + "'"))
			.isEqualTo(8 + 6);
		assertThat(client.get(commits("email:grace@example.org", "&role=coauthor")).get("commits")).hasSize(8);
	}

	@Test
	void foldsTheMailmapsPeopleAndTheNoreplyAddressIntoItsAccount() throws Exception {
		JsonNode merged = client.get(authors("&identities=merged"));

		assertThat(merged.get("totalAuthors").asLong()).isEqualTo(3);
		// six commits credit octocat's noreply address; two of them (0 and 12) are
		// octocat's own, which no one co-authors with themself
		assertThat(summaries(merged)).containsExactly("email:jane@desktop.(none) 12 0", "login:octocat 8 4",
				"email:joe@example.com 4 0");
		JsonNode octocat = merged.get("authors").get(1);
		assertThat(octocat.get("keys").toString()).isEqualTo("[\"login:octocat\",\"email:" + NOREPLY + "\"]");
		assertThat(merged.get("authors").get(2).get("names").get(0).asString()).isEqualTo("Joe R. Developer");

		// authored 8, co-authored 4 more: 12 commits, each once; co-authored only those 4
		assertThat(client.get(commits("email:" + NOREPLY, "&identities=merged&role=any")).get("commits")).hasSize(12);
		assertThat(client.get(commits("email:" + NOREPLY, "&identities=merged&role=coauthor")).get("commits"))
			.hasSize(4);
		assertThat(client.get(commits("email:jane@laptop.(none)", "&identities=merged")).get("commits")).hasSize(12);
	}

	private static String authors(String query) {
		return stack.query().url() + "/api/v1/repository/authors?provider=github&repository=" + REPOSITORY + query;
	}

	private static String commits(String author, String query) {
		return stack.query().url() + "/api/v1/authors/" + URLEncoder.encode(author, StandardCharsets.UTF_8)
				+ "/commits?provider=github&repository=" + REPOSITORY + query;
	}

	private static List<String> summaries(JsonNode page) {
		List<String> summaries = new ArrayList<>();
		page.get("authors")
			.forEach(a -> summaries.add(a.get("key").asString() + " " + a.get("commitCount").asLong() + " "
					+ a.get("coAuthoredCount").asLong()));
		return summaries;
	}

	private static long sql(String query) throws Exception {
		try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(), EmbeddedPostgresServer.OWNER,
				EmbeddedPostgresServer.OWNER_PASSWORD); ResultSet rows = c.createStatement().executeQuery(query)) {
			return rows.next() ? rows.getLong(1) : 0;
		}
	}

}
