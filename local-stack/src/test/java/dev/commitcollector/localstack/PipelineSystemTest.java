package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.commitcollector.localstack.SyntheticHistory.Commit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The three service jars as separate processes, on the embedded Kafka and PostgreSQL,
 * against a stub GitHub over HTTP: fetch, re-fetch, and a store-service killed with
 * SIGKILL in the middle of ingesting.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineSystemTest {

	private static final Duration BOUND = StackClient.BOUND;

	private static final String API_KEY = "pipeline-key";

	private static StubGitHub github;

	private static StubForge.Repository big;

	private static StubForge.Repository second;

	private static LocalStack stack;

	private static StackClient client;

	@BeforeAll
	static void start() throws Exception {
		github = new StubGitHub();
		big = github.add("acme/big", 1500, 36, Duration.ZERO);
		second = github.add("acme/second", 3000, 31, Duration.ofMillis(120));
		github.add("acme/form", 250, 12, Duration.ofMillis(50));
		Path home = LocalStack.home();
		stack = LocalStack.start(home, StackClient.freePorts(), Map.of("GITHUB_API_URL", github.apiUrl(),
				"GITHUB_TOKEN", "", "FETCHER_API_KEYS", "other-key," + API_KEY));
		client = new StackClient(stack, API_KEY);
	}

	@AfterAll
	static void stop() throws Exception {
		if (stack != null) {
			stack.close();
		}
		github.close();
	}

	@Test
	@Order(1)
	void storesExactlyTheThousandNewestCommitsGroupedByAuthor() throws Exception {
		client.awaitCompleted(client.fetch("github", "acme/big", 1000));

		client.awaitStored();
		assertGroupedAsTheIdentityRuleSays("acme/big", big.commits().subList(0, 1000));
	}

	@Test
	@Order(2)
	void fetchingAgainAddsNothing() throws Exception {
		client.awaitCompleted(client.fetch("github", "acme/big", 1000));
		client.awaitStored();

		assertGroupedAsTheIdentityRuleSays("acme/big", big.commits().subList(0, 1000));
		assertThat(sql("select count(*) from commits where repository = 'acme/big'")).isEqualTo(1000);
	}

	@Test
	@Order(3)
	void storesEveryCommitOnceWhenTheStoreIsKilledWhileIngesting() throws Exception {
		String id = client.fetch("github", "acme/second", 3000);
		await().atMost(BOUND)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> sql("select count(*) from commits where repository = 'acme/second'") > 0);
		stack.store().kill();
		long storedAtKill = sql("select count(*) from commits where repository = 'acme/second'");
		assertThat(storedAtKill).as("killed in the middle of ingesting").isBetween(1L, 2999L);

		stack.store().start();
		stack.store().awaitReady(LocalStack.READY_TIMEOUT);
		client.awaitCompleted(id);
		client.awaitStored();

		assertThat(sql("select count(*) from commits where repository = 'acme/second'")).isEqualTo(3000);
		assertThat(sql("select commit_count from repositories where repository = 'acme/second'")).isEqualTo(3000);
		assertThat(sql("select sum(commit_count) from authors where repository = 'acme/second'")).isEqualTo(3000);
		assertGroupedAsTheIdentityRuleSays("acme/second", second.commits());
		assertThat(sql("select count(*) from commits where repository = 'acme/big'")).isEqualTo(1000);
	}

	@Test
	@Order(4)
	void theWebPageStartsAFetchFollowsItAndShowsTheAuthors() throws Exception {
		try (Browser browser = Browser.start()) {
			browser.open(stack.query().url() + "/");
			browser.fetch("github", "acme/missing", 10);
			browser.awaitStatus("The fetcher needs an API key");
			browser.retryWithApiKey(API_KEY);
			browser.awaitStatus("The fetch failed: repository not found");

			browser.fetch("github", "acme/form", 200);
			browser.awaitStatus("Fetched 200 commits of acme/form.");
			// all stored before the page reads: the charts are held to the store
			client.awaitStored();
			browser.followLink("See its authors");
			assertThat(browser.authorCount())
				.isEqualTo(sql("select count(*) from authors where repository = 'acme/form'"));

			// the charts, per the period the page picked, then per month
			Browser.Chart fitted = browser.activityChart(null);
			assertChartDrawsTheApi(fitted, "acme/form");
			assertSparklinesDrawTheApi(browser.sparklines(fitted.by()), "acme/form");
			browser.showActivityPer("month");
			assertChartDrawsTheApi(browser.activityChart("month"), "acme/form");
			assertSparklinesDrawTheApi(browser.sparklines("month"), "acme/form");

			// fetched again unchanged: nothing new, and the page says so, not "Fetched 0"
			browser.open(stack.query().url() + "/");
			browser.fetch("github", "acme/form", 200);
			browser.awaitStatus("acme/form is up to date: no new commits");
		}
	}

	@Test
	@Order(5)
	void storesHostileCommitsCleanedAndEveryOtherCommitOfTheirRepositoryAndOfTheOthers() throws Exception {
		List<Commit> hostile = new ArrayList<>(SyntheticHistory.of("acme/hostile", 60, 5));
		hostile.set(3, with(hostile.get(3), "Long Email", "a".repeat(3000) + "@example.org", hostile.get(3).message()));
		hostile.set(10, with(hostile.get(10), "Big Message", "big@example.org", "x".repeat(1_500_000)));
		hostile.set(20, with(hostile.get(20), "Bell\u0007 Esc\u001b[31m Nul\u0000 Name", "ctl@example.org", "ok"));
		hostile.set(30, with(hostile.get(30), "N".repeat(100_000), "huge-name@example.org", "ok"));
		github.add("acme/hostile", hostile, Duration.ZERO);
		List<String> fetches = new ArrayList<>(List.of(client.fetch("github", "acme/hostile", 100)));
		for (int i = 1; i <= 3; i++) {
			github.add("acme/neighbour-" + i, 100, 7, Duration.ZERO);
			fetches.add(client.fetch("github", "acme/neighbour-" + i, 100));
		}

		fetches.forEach(client::awaitCompleted);
		client.awaitStored();

		assertThat(sql("select count(*) from commits where repository = 'acme/hostile'")).isEqualTo(60);
		assertThat(sql("select sum(commit_count) from authors where repository = 'acme/hostile'")).isEqualTo(60);
		assertThat(sql(
				"select count(*) from authors where repository = 'acme/hostile' and author_key like 'email-sha256:%'"))
			.isEqualTo(1);
		assertThat(sql("select count(*) from commits where repository = 'acme/hostile' and (author_name ~ '[[:cntrl:]]'"
				+ " or octet_length(author_name) > 512 or octet_length(message_headline) > 1024)"))
			.isZero();
		for (int i = 1; i <= 3; i++) {
			assertThat(sql("select count(*) from commits where repository = 'acme/neighbour-" + i + "'"))
				.isEqualTo(100);
		}
	}

	@Test
	@Order(6)
	void startsNoFetchWithoutOneOfTheApiKeysButAnswersEveryRead() throws Exception {
		HttpResponse<String> anonymous = client.postFetch("github", "acme/big", 10, null);
		HttpResponse<String> guessed = client.postFetch("github", "acme/big", 10, "guessed");

		for (HttpResponse<String> refused : List.of(anonymous, guessed)) {
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
			assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
		}
		assertThat(client.postFetch("github", "acme/big", 10, "other-key").statusCode()).isEqualTo(202);
		assertThat(client.status(stack.fetcher().url() + "/api/v1/fetches/" + client.fetch("github", "acme/big", 10)))
			.isEqualTo(200);
	}

	@Test
	@Order(7)
	void theWebPageAddsAWatchAsksForTheKeyListsItAndRemovesIt() throws Exception {
		try (Browser browser = Browser.start()) {
			browser.open(stack.query().url() + "/");
			browser.watch("github", "acme/form", "PT1H");
			browser.awaitWatchStatus("The fetcher needs an API key");
			browser.retryWatchWithApiKey(API_KEY);
			browser.awaitWatchStatus("Watching acme/form every hour.");

			assertThat(browser.watches()).singleElement()
				.satisfies(row -> assertThat(row).startsWith("github | acme/form | hour |"));
			assertThat(client.get(stack.fetcher().url() + "/api/v1/watches").get("watches")).hasSize(1);

			browser.removeWatch("acme/form");
			assertThat(browser.watches()).isEmpty();
			assertThat(client.get(stack.fetcher().url() + "/api/v1/watches").get("watches")).isEmpty();
		}
	}

	/**
	 * The chart is labelled and has one bar per period of the API's answer, with its
	 * count, and every stored commit is in a bar or counted as earlier.
	 */
	private static void assertChartDrawsTheApi(Browser.Chart chart, String repository) throws Exception {
		JsonNode api = client.get(stack.query().url() + "/api/v1/repository/activity?provider=github&repository="
				+ repository + "&by=" + chart.by());
		List<String> starts = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		api.get("periods").forEach(period -> {
			starts.add(period.get("start").asString());
			counts.add(period.get("commits").asLong());
		});
		assertThat(chart.role()).isEqualTo("img");
		assertThat(chart.label()).startsWith("Commits per " + chart.by() + ", ");
		assertThat(chart.title()).isEqualTo(chart.label());
		assertThat(chart.starts()).isNotEmpty().isEqualTo(starts);
		assertThat(chart.counts()).isEqualTo(counts);
		assertThat(chart.counts().stream().mapToLong(Long::longValue).sum() + api.get("earlier").asLong())
			.isEqualTo(sql("select count(*) from commits where repository = '" + repository + "'"));
		long max = counts.stream().mapToLong(Long::longValue).max().orElseThrow();
		assertThat(chart.maxLabel()).isEqualTo(String.valueOf(max));
		assertThat(chart.firstLabel()).isNotBlank();
		// bar heights follow the counts: the tallest bar is the busiest period's
		int tallest = chart.heights().indexOf(chart.heights().stream().max(Double::compare).orElseThrow());
		assertThat(chart.counts().get(tallest)).isEqualTo(max);
	}

	/**
	 * Every listed author has a labelled sparkline with their commits per period as the
	 * API gives them, which add up to their stored count.
	 */
	private static void assertSparklinesDrawTheApi(List<Browser.Sparkline> sparklines, String repository)
			throws Exception {
		assertThat(sparklines).isNotEmpty();
		StringBuilder url = new StringBuilder(stack.query().url() + "/api/v1/repository/authors/activity"
				+ "?provider=github&repository=" + repository + "&by=" + sparklines.get(0).by());
		sparklines.forEach(s -> url.append("&author=").append(URLEncoder.encode(s.key(), StandardCharsets.UTF_8)));
		Map<String, List<Long>> api = new HashMap<>();
		JsonNode answer = client.get(url.toString());
		answer.get("authors").forEach(author -> {
			List<Long> counts = new ArrayList<>();
			author.get("commits").forEach(count -> counts.add(count.asLong()));
			api.put(author.get("key").asString(), counts);
		});
		for (Browser.Sparkline sparkline : sparklines) {
			assertThat(sparkline.role()).isEqualTo("img");
			assertThat(sparkline.label()).startsWith("Activity of " + sparkline.name() + ": ");
			assertThat(sparkline.counts()).as(sparkline.key()).isEqualTo(api.get(sparkline.key()));
			assertThat(sparkline.counts()).hasSize(answer.get("periods").size());
			assertThat(sparkline.points()).isEqualTo(Math.max(2, sparkline.counts().size()));
			assertThat(sparkline.counts().stream().mapToLong(Long::longValue).sum()).as(sparkline.key())
				.isEqualTo(sql("select commit_count from authors where repository = '" + repository
						+ "' and author_key = '" + sparkline.key().replace("'", "''") + "'"));
		}
	}

	private static Commit with(Commit commit, String name, String email, String message) {
		return new Commit(commit.sha(), name, email, null, commit.authoredAt(), message, commit.parent());
	}

	private static void assertGroupedAsTheIdentityRuleSays(String repository, List<Commit> expected) throws Exception {
		Map<String, List<String>> expectedByAuthor = SyntheticHistory.shasByAuthor(expected, github::authorKey);
		Map<String, List<String>> actualByAuthor = new HashMap<>();
		List<Long> counts = new ArrayList<>();
		List<String> allShas = new ArrayList<>();
		JsonNode page;
		int number = 0;
		do {
			page = client.authors("github", repository, 7, number++);
			assertThat(page.get("totalCommits").asLong()).isEqualTo(expected.size());
			assertThat(page.get("totalAuthors").asLong()).isEqualTo(expectedByAuthor.size());
			for (JsonNode author : page.get("authors")) {
				List<String> shas = new ArrayList<>();
				author.get("commits").forEach(c -> shas.add(c.get("sha").asString()));
				assertThat(author.get("commitCount").asLong()).isEqualTo(shas.size());
				actualByAuthor.put(author.get("key").asString(), shas);
				counts.add(author.get("commitCount").asLong());
				allShas.addAll(shas);
			}
		}
		while (!page.get("authors").isEmpty());

		assertThat(allShas).hasSize(expected.size())
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expected.stream().map(Commit::sha).toList());
		// within an author, newest first: the stub's order restricted to that author
		assertThat(actualByAuthor).isEqualTo(expectedByAuthor);
		assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	private static long sql(String query) throws Exception {
		try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(), EmbeddedPostgresServer.OWNER,
				EmbeddedPostgresServer.OWNER_PASSWORD); ResultSet rows = c.createStatement().executeQuery(query)) {
			return rows.next() ? rows.getLong(1) : 0;
		}
	}

}
