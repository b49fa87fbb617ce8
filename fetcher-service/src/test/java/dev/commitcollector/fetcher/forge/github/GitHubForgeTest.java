package dev.commitcollector.fetcher.forge.github;

import static dev.commitcollector.fetcher.forge.github.GitHubStub.aCommit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.CoAuthor;
import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import dev.commitcollector.fetcher.forge.http.RetrySettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class GitHubForgeTest {

	private static final RepositoryPath HELLO_WORLD = RepositoryPath.parse("octocat/Hello-World");

	private static final Duration WITHIN = Duration.ofSeconds(30);

	private final MockWebServer server = new MockWebServer();

	private GitHubStub github;

	@BeforeEach
	void startGitHub() throws IOException {
		server.start();
		github = GitHubStub.serving(server, "", "octocat", "Hello-World");
	}

	@AfterEach
	void stopGitHub() {
		server.close();
	}

	@Test
	void followsLinkPaginationAcrossThirteenPages() {
		github.withHistory(GitHubStub.history(1234));
		String head = github.shas().get(0);

		List<DiscoveredCommit> commits = allCommits(forge(null), HELLO_WORLD, 100).block(WITHIN);

		assertThat(commits).extracting(DiscoveredCommit::sha)
			.doesNotHaveDuplicates()
			.containsExactlyElementsOf(github.shas());
		List<RecordedRequest> requests = github.requests();
		assertThat(requests).as("ceil(1234 / 100) requests, no probe").hasSize(13);
		RecordedRequest first = requests.get(0);
		assertThat(first.getUrl().encodedPath()).isEqualTo("/repos/octocat/Hello-World/commits");
		assertThat(first.getUrl().queryParameter("per_page")).isEqualTo("100");
		assertThat(first.getUrl().queryParameter("sha")).as("the default branch").isNull();
		List<RecordedRequest> pinned = requests.subList(1, requests.size());
		assertThat(pinned).allSatisfy(request -> {
			assertThat(request.getUrl().queryParameter("sha")).isEqualTo(head);
			assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("100");
		});
		assertThat(pinned).extracting(request -> request.getUrl().queryParameter("page"))
			.containsExactly("2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
	}

	@Test
	void keepsEveryPagePinnedToTheHeadItSawFirstWhileSomeonePushes() {
		github.withHistory(GitHubStub.history(250));
		List<String> before = github.shas();
		GitHubForge forge = forge(null);

		CommitPage first = forge.firstPage(HELLO_WORLD, 100).block(WITHIN);
		github.push(aCommit("pushed during the fetch").parent(before.get(0)).build());
		github.push(aCommit("pushed again").build());
		CommitPage second = forge.nextPage(HELLO_WORLD, first.next().orElseThrow()).block(WITHIN);
		CommitPage third = forge.nextPage(HELLO_WORLD, second.next().orElseThrow()).block(WITHIN);

		assertThat(third.next()).isEmpty();
		assertThat(List.of(first, second, third)).flatExtracting(CommitPage::commits)
			.extracting(DiscoveredCommit::sha)
			.containsExactlyElementsOf(before);
	}

	@Test
	void readsGitHubsDocumentedCommitShape() throws IOException {
		String page = resource("/forge/github/commits-page.json");
		github.answerNext(GitHubStub.ok(page).build());

		CommitPage read = forge(null).firstPage(HELLO_WORLD, 100).block(WITHIN);

		assertThat(read.commits()).containsExactly(
				new DiscoveredCommit("6dcb09b5b57875f334f61aebed695e2e4193db5e",
						new CommitAuthor("Monalisa Octocat", "support@github.com", "octocat"),
						Instant.parse("2011-04-14T16:00:49Z"), Instant.parse("2011-04-14T16:00:49Z"),
						"Fix all the bugs", List.of("762941318ee16e59dabbacb1b4049eec22f0d303")),
				new DiscoveredCommit("762941318ee16e59dabbacb1b4049eec22f0d303",
						new CommitAuthor("Zoë Ångström", "zoe@example.org", null),
						Instant.parse("2011-03-06T18:06:43Z"), Instant.parse("2011-04-14T16:00:00Z"),
						"Rebase onto main ✨"));
		assertThat(read.next()).isEmpty();
		assertThat(github.requests()).hasSize(1);
	}

	@Test
	void keepsNameAndEmailOfAnAuthorLinkedToNoAccountAndAnyUnicodeInThem() {
		github.withHistory(List.of(
				aCommit("c").by("Ada 🚀 Lovelace", "ada+🚀@example.org")
					.login("ada")
					.message("Ship it 🚢🎉\n\nbody")
					.build(),
				aCommit("b").by("李小龙", "bruce@example.cn").login("bruce").message("修复错误").build(),
				aCommit("a").by("Zoë Ångström", "12345+zoe@users.noreply.github.com").login(null).build()));

		CommitPage page = forge(null).firstPage(HELLO_WORLD, 100).block(WITHIN);

		assertThat(page.commits())
			.extracting(commit -> commit.author().name(), commit -> commit.author().email(),
					commit -> commit.author().login(), DiscoveredCommit::messageHeadline)
			.containsExactly(tuple("Ada 🚀 Lovelace", "ada+🚀@example.org", "ada", "Ship it 🚢🎉"),
					tuple("李小龙", "bruce@example.cn", "bruce", "修复错误"),
					tuple("Zoë Ångström", "12345+zoe@users.noreply.github.com", null, "Fix all the bugs"));
	}

	@Test
	void reportsAMissingRepositoryAsNotFoundWithoutRetrying() {
		StepVerifier.create(forge(null).firstPage(RepositoryPath.parse("octocat/missing"), 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.RepositoryNotFound.class)
				.hasMessageContaining("repository not found")
				.hasMessageContaining("octocat/missing"))
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(1);
	}

	@Test
	void readsAnEmptyRepositoryAsAPageWithNoCommitsAndNoNext() {
		github.withHistory(List.of());

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100)).assertNext(page -> {
			assertThat(page.commits()).isEmpty();
			assertThat(page.next()).isEmpty();
		}).expectComplete().verify(WITHIN);
		assertThat(github.requests()).hasSize(1);
	}

	@Test
	void rejectsBadCredentialsWithGitHubsMessage() {
		github.withHistory(GitHubStub.history(3)).requireToken("ghp_right");

		StepVerifier.create(forge("ghp_wrong").firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
				.hasMessageContaining("401")
				.hasMessageContaining("Bad credentials")
				.hasMessageContaining("GITHUB_TOKEN"))
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(1);
	}

	@Test
	void masksTheTokenWhereTheForgeRepeatsItInItsError() {
		github.withHistory(GitHubStub.history(3))
			.answerNext(
					GitHubStub.error(401, "Bad credentials: Bearer ghp_echoed_4242_secret", "https://docs.github.com"));

		StepVerifier.create(forge("ghp_echoed_4242_secret").firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
				.hasMessageContaining("Bad credentials: Bearer [token]")
				.hasMessageNotContaining("ghp_echoed_4242_secret"))
			.verify(WITHIN);
	}

	@Test
	void rejectsAForbiddenAnswerThatIsNoRateLimitWithGitHubsMessage() {
		github.withHistory(GitHubStub.history(3))
			.answerNext(GitHubStub.error(403, "Resource not accessible by integration",
					"https://docs.github.com/rest/commits/commits#list-commits"));

		StepVerifier.create(forge("ghp_token").firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
				.hasMessageContaining("403")
				.hasMessageContaining("Resource not accessible by integration"))
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(1);
	}

	@Test
	void waitsForAnExhaustedRateLimitToResetAndThenReadsThePage() {
		github.withHistory(GitHubStub.history(3)).answerNext(GitHubStub.rateLimited(Instant.now().plusSeconds(2)));

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100))
			.assertNext(page -> assertThat(page.commits()).extracting(DiscoveredCommit::sha)
				.containsExactlyElementsOf(github.shas()))
			.expectComplete()
			.verify(WITHIN);
		List<RecordedRequest> requests = github.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).getUrl()).isEqualTo(requests.get(0).getUrl());
	}

	@Test
	void failsSayingWhenToRetryWhenTheRateLimitResetsTooFarAhead() {
		Instant reset = Instant.now().plusSeconds(3600);
		github.withHistory(GitHubStub.history(3)).answerNext(GitHubStub.rateLimited(reset));

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100)).expectErrorSatisfies(error -> {
			assertThat(error).isInstanceOf(ForgeFailure.RateLimited.class).hasMessageContaining("retry after");
			assertThat(((ForgeFailure.RateLimited) error).retryAt())
				.isEqualTo(Instant.ofEpochSecond(reset.getEpochSecond()));
		}).verify(WITHIN);
		assertThat(github.requests()).hasSize(1);
	}

	@Test
	void waitsAsToldByRetryAfterOnASecondaryRateLimit() {
		github.withHistory(GitHubStub.history(3))
			.answerNext(new MockResponse.Builder().code(429)
				.addHeader("Content-Type", "application/json; charset=utf-8")
				.addHeader("retry-after", "1")
				.body("{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}")
				.build());

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100))
			.assertNext(page -> assertThat(page.commits()).hasSize(3))
			.expectComplete()
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(2);
	}

	@Test
	void waitsOutASecondaryRateLimitThatLeavesBudgetAndSaysNotWhenThenReadsThePage() {
		github.withHistory(GitHubStub.history(3))
			.answerNext(GitHubStub.error(403,
					"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
					"https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api"));
		List<Instant> told = new CopyOnWriteArrayList<>();
		// the default wait (a minute) shortened here; it is what a 403 of this kind waits
		RetrySettings shortWait = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50),
				Duration.ofSeconds(5), Duration.ofMillis(1));

		StepVerifier.create(forgeAt(apiUrl(), null, shortWait).firstPage(HELLO_WORLD, 100, null, told::add))
			.assertNext(page -> assertThat(page.commits()).extracting(DiscoveredCommit::sha)
				.containsExactlyElementsOf(github.shas()))
			.expectComplete()
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(2);
		assertThat(told).hasSize(2).last().isNull();
	}

	@Test
	void tellsTheCallerUntilWhenItWaitsForTheRateLimitAndWhenItStops() {
		github.withHistory(GitHubStub.history(3))
			.answerNext(new MockResponse.Builder().code(429).addHeader("retry-after", "1").build());
		List<Instant> told = new CopyOnWriteArrayList<>();
		Instant asked = Instant.now();

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100, null, told::add))
			.assertNext(page -> assertThat(page.commits()).hasSize(3))
			.expectComplete()
			.verify(WITHIN);

		assertThat(told).hasSize(2).last().isNull();
		assertThat(told.get(0)).isBetween(asked, Instant.now().plusSeconds(1));
	}

	@Test
	void retriesServerErrorsUntilGitHubAnswers() {
		github.withHistory(GitHubStub.history(3))
			.answerNext(GitHubStub.error(500, "Server Error", "https://docs.github.com/rest"),
					GitHubStub.error(502, "Bad Gateway", "https://docs.github.com/rest"));

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100))
			.assertNext(page -> assertThat(page.commits()).extracting(DiscoveredCommit::sha)
				.containsExactlyElementsOf(github.shas()))
			.expectComplete()
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(3);
	}

	@Test
	void givesUpOnAForgeThatKeepsFailingSayingHowOftenItTried() {
		github.answerAlways(() -> GitHubStub.error(500, "Server Error", "https://docs.github.com/rest"));

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Unavailable.class)
				.hasMessageContaining("500")
				.hasMessageContaining("gave up after 4 attempts"))
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(4);
	}

	@Test
	void reportsAnUnreachableForgeAsUnavailable() throws IOException {
		URI closed;
		try (MockWebServer gone = new MockWebServer()) {
			gone.start();
			closed = gone.url("/").uri();
		}

		StepVerifier.create(forgeAt(closed, null).firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Unavailable.class)
				.hasMessageContaining("could not be reached")
				.hasMessageContaining("gave up after 4 attempts"))
			.verify(WITHIN);
	}

	@Test
	void abandonsAnAnswerTricklingInPastTheRequestDeadlineRetriesItThenFailsSayingSo() {
		// headers at once, then a byte every 50 ms: each read well within the 5 s timeout
		github.answerAlways(
				() -> GitHubStub.ok("[" + " ".repeat(20_000) + "]").throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
		RetrySettings shortDeadline = new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50),
				Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(500));

		StepVerifier.create(forgeAt(apiUrl(), null, shortDeadline).firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Unavailable.class)
				.hasMessageContaining("GitHub did not finish answering within PT0.5S (FORGE_REQUEST_DEADLINE)")
				.hasMessageContaining("gave up after 3 attempts"))
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(3);
	}

	@Test
	void retriesAnAnswerWhoseBodyStopsComingThenFailsNamingTheForge() {
		// headers at once, then a byte every 2 s: a read waits longer than the 300 ms
		// timeout
		github.answerAlways(
				() -> GitHubStub.ok("[" + " ".repeat(100) + "]").throttleBody(1, 2, TimeUnit.SECONDS).build());
		RetrySettings twoRetries = new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50),
				Duration.ofSeconds(5), Duration.ofSeconds(60));
		GitHubForge impatient = new GitHubForge("github",
				new ProviderSettings(ForgeType.GITHUB, apiUrl(), null, Duration.ofMillis(300), 1), twoRetries,
				WebClient.builder(), Clock.systemUTC());

		StepVerifier.create(impatient.firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Unavailable.class)
				.hasMessageContaining("GitHub could not be reached or did not answer in time (ReadTimeoutException)")
				.hasMessageContaining("gave up after 3 attempts"))
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(3);
	}

	@Test
	void takesAnHtmlPageForAMailmapReadThatFailedNotForTheFile() {
		github.answerAlways(() -> new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/html; charset=utf-8")
			.body("<html><body>Sign in</body></html>")
			.build());

		StepVerifier.create(forge(null).mailmap(HELLO_WORLD, "a".repeat(40), RateLimitWaits.NONE))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Unavailable.class)
				.hasMessageContaining("GitHub answered 200 with an HTML page where the .mailmap file was expected"))
			.verify(WITHIN);
	}

	@Test
	void retriesABodyThatIsNotACommitListThenFailsSayingWhatTheForgeSent() {
		for (int i = 0; i < 4; i++) {
			github.answerNext(GitHubStub.ok("{\"not\":\"a list\"}").build());
		}

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Unavailable.class)
				.hasMessageContaining("not a commit list (a JSON object where an array was expected)")
				.hasMessageContaining("gave up after 4 attempts"))
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(4);
	}

	@Test
	void retriesATruncatedBodyLikeAServerErrorThenReadsThePage() {
		github.withHistory(GitHubStub.history(3));
		github.answerNext(
				GitHubStub.ok("[{\"sha\":\"6dcb09b5b57875f334f61aebed695e2e4193db5e\",\"commit\":{\"auth").build());

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100))
			.assertNext(page -> assertThat(page.commits()).hasSize(3))
			.verifyComplete();
	}

	@Test
	void retriesASuccessWithNoBody() {
		for (int i = 0; i < 4; i++) {
			github.answerNext(GitHubStub.ok("").build());
		}

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Unavailable.class)
				.hasMessageContaining("no body"))
			.verify(WITHIN);
	}

	@Test
	void retriesASuccessThatIsNotJsonThenFails() {
		for (int i = 0; i < 4; i++) {
			github.answerNext(new MockResponse.Builder().code(200)
				.addHeader("Content-Type", "text/html; charset=utf-8")
				.body("<html><body>Please log in to the corporate proxy</body></html>")
				.build());
		}

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Unavailable.class)
				.hasMessageContaining("text/html"))
			.verify(WITHIN);
	}

	@Test
	void cutsALongErrorBodyBeforeReadingTheForgesMessageFromIt() {
		github.answerNext(new MockResponse.Builder().code(422)
			.addHeader("Content-Type", "application/json")
			.body("{\"documentation_url\":\"" + "x".repeat(2_000_000) + "\",\"message\":\"hidden\"}")
			.build());

		StepVerifier.create(forge(null).firstPage(HELLO_WORLD, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
				.hasMessageNotContaining("hidden")
				.satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400)))
			.verify(WITHIN);
	}

	@Test
	void setsAsideACommitWithoutAnAuthorDateAndKeepsTheOthersOfItsPage() {
		List<GitHubStub.Commit> history = new ArrayList<>(GitHubStub.history(3));
		history.set(1, aCommit("undated").at(null).build());
		github.withHistory(history);

		CommitPage page = forge(null).firstPage(HELLO_WORLD, 100).block(WITHIN);

		assertThat(page.commits()).extracting(DiscoveredCommit::sha)
			.containsExactly(history.get(0).sha(), history.get(2).sha());
		assertThat(page.unreadable()).isEqualTo(1);
	}

	@Test
	void readsAPageWhoseCommitHasAMessageLargerThanAPageIsReadKeepingItsHeadlineAndTrailers() {
		List<GitHubStub.Commit> history = new ArrayList<>(GitHubStub.history(3));
		history.set(1,
				aCommit("huge")
					.message("A huge message\n\n" + "0123456789abcdef\n".repeat(1_200_000)
							+ "\nCo-authored-by: Ada Lovelace <ada@example.org>")
					.build());
		github.withHistory(history);

		CommitPage page = forge(null).firstPage(HELLO_WORLD, 100).block(WITHIN);

		assertThat(page.commits()).extracting(DiscoveredCommit::sha)
			.containsExactly(history.get(0).sha(), history.get(1).sha(), history.get(2).sha());
		DiscoveredCommit huge = page.commits().get(1);
		assertThat(huge.messageHeadline()).isEqualTo("A huge message");
		assertThat(huge.coAuthors()).extracting(CoAuthor::name, CoAuthor::email)
			.containsExactly(tuple("Ada Lovelace", "ada@example.org"));
		assertThat(page.unreadable()).isZero();
	}

	@Test
	void setsAsideAnItemWithoutItsGitCommit() {
		github
			.answerNext(GitHubStub.ok("[{\"sha\":\"6dcb09b5b57875f334f61aebed695e2e4193db5e\",\"author\":null}, null]")
				.build());

		CommitPage page = forge(null).firstPage(HELLO_WORLD, 100).block(WITHIN);

		assertThat(page.commits()).isEmpty();
		assertThat(page.unreadable()).isEqualTo(2);
	}

	@Test
	void setsAsideAnItemWhoseFieldsAreOfTheWrongTypeAndKeepsTheOthersOfItsPage() {
		List<GitHubStub.Commit> history = GitHubStub.history(3);
		String items = "[" + github.itemJson(history.get(0)) + ", {\"sha\":\"" + history.get(1).sha()
				+ "\",\"author\":42,\"commit\":\"not an object\"}, 7, \"text\", [], " + github.itemJson(history.get(2))
				+ "]";
		github.answerNext(GitHubStub.ok(items).build());

		CommitPage page = forge(null).firstPage(HELLO_WORLD, 100).block(WITHIN);

		assertThat(page.commits()).extracting(DiscoveredCommit::sha)
			.containsExactly(history.get(0).sha(), history.get(2).sha());
		assertThat(page.unreadable()).isEqualTo(4);
	}

	@Test
	void setsAsideAnItemWhoseShaIsNoShaEvenOneThatHoldsANul() {
		Instant at = Instant.parse("2011-04-14T16:00:49Z");
		github.withHistory(List.of(
				new GitHubStub.Commit("not-a-sha", "Mona", "mona@github.com", "octocat", at, "Mona", "mona@github.com",
						"octocat", at, "Fix", List.of()),
				new GitHubStub.Commit("6dcb09b5b57875f334f61aebed695e2e4193db5\u0000", "Mona", "mona@github.com",
						"octocat", at, "Mona", "mona@github.com", "octocat", at, "Fix", List.of())));

		CommitPage page = forge(null).firstPage(HELLO_WORLD, 100).block(WITHIN);

		assertThat(page.commits()).isEmpty();
		assertThat(page.unreadable()).isEqualTo(2);
	}

	@Test
	void sendsTheTokenAsABearerWithAUserAgentOnEveryRequest() {
		github.withHistory(GitHubStub.history(150)).requireToken("ghp_secret");

		List<DiscoveredCommit> commits = allCommits(forge("ghp_secret"), HELLO_WORLD, 100).block(WITHIN);

		assertThat(commits).hasSize(150);
		assertThat(github.requests()).hasSize(2).allSatisfy(request -> {
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer ghp_secret");
			assertThat(request.getHeaders().get("User-Agent")).matches("commit-collector/\\S+");
			assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
		});
	}

	@ParameterizedTest
	@CsvSource(value = { "NULL", "''", "'   '" }, nullValues = "NULL")
	void sendsNoAuthorizationWithoutAToken(String token) {
		github.withHistory(GitHubStub.history(3));

		assertThat(forge(token).firstPage(HELLO_WORLD, 100).block(WITHIN).commits()).hasSize(3);

		assertThat(github.requests()).hasSize(1).allSatisfy(request -> {
			assertThat(request.getHeaders().get("Authorization")).isNull();
			assertThat(request.getHeaders().get("User-Agent")).isNotBlank();
		});
	}

	@Test
	void readsFromAnEnterpriseServerBelowItsPathPrefix() {
		GitHubStub enterprise = GitHubStub.serving(server, "/api/v3", "octocat", "Hello-World")
			.withHistory(GitHubStub.history(250));

		List<DiscoveredCommit> commits = allCommits(forgeAt(server.url("/api/v3").uri(), null), HELLO_WORLD, 100)
			.block(WITHIN);

		assertThat(commits).extracting(DiscoveredCommit::sha).containsExactlyElementsOf(enterprise.shas());
		assertThat(enterprise.requests()).hasSize(3)
			.allSatisfy(request -> assertThat(request.getUrl().encodedPath()).startsWith("/api/v3/"));
		assertThat(enterprise.requests().get(0).getUrl().encodedPath())
			.isEqualTo("/api/v3/repos/octocat/Hello-World/commits");
	}

	@Test
	void acceptsAnApiUrlEndingWithASlash() {
		github.withHistory(GitHubStub.history(150));

		List<DiscoveredCommit> commits = allCommits(forgeAt(server.url("/").uri(), null), HELLO_WORLD, 100)
			.block(WITHIN);

		assertThat(commits).hasSize(150);
		assertThat(github.requests().get(0).getUrl().encodedPath()).isEqualTo("/repos/octocat/Hello-World/commits");
	}

	@ParameterizedTest
	@CsvSource({ "1, 1", "30, 30", "100, 100", "500, 100", "0, 1" })
	void asksForThePageSizeGitHubAllows(int asked, String perPage) {
		github.withHistory(GitHubStub.history(3));

		forge(null).firstPage(HELLO_WORLD, asked).block(WITHIN);

		assertThat(github.requests().get(0).getUrl().queryParameter("per_page")).isEqualTo(perPage);
	}

	private GitHubForge forge(String token) {
		return forgeAt(apiUrl(), token);
	}

	private URI apiUrl() {
		String url = server.url("/").toString();
		return URI.create(url.substring(0, url.length() - 1));
	}

	@Test
	void asksConditionallyAndReportsAnUnchangedHeadAsNotModifiedInOneRequest() {
		github.answerNext(new MockResponse.Builder().code(304).build());

		CommitPage page = forge(null).firstPage(HELLO_WORLD, 100, "\"v1-head\"", RateLimitWaits.NONE).block(WITHIN);

		assertThat(page.notModified()).isTrue();
		assertThat(page.commits()).isEmpty();
		assertThat(github.requests()).hasSize(1);
		assertThat(github.requests().get(0).getHeaders().get("If-None-Match")).isEqualTo("\"v1-head\"");
	}

	@Test
	void keepsTheHeadsValidatorForTheNextConditionalRequest() {
		github.answerNext(GitHubStub.ok("[" + "]").addHeader("ETag", "\"empty-head\"").build());

		CommitPage page = forge(null).firstPage(HELLO_WORLD, 100, null, RateLimitWaits.NONE).block(WITHIN);

		assertThat(page.notModified()).isFalse();
		assertThat(page.etag()).isEqualTo("\"empty-head\"");
		assertThat(github.requests().get(0).getHeaders().get("If-None-Match")).isNull();
	}

	@Test
	void remembersNoValidatorThatIsTooLongOrNotATag() {
		github.answerNext(GitHubStub.ok("[" + "]").addHeader("ETag", "\"" + "v".repeat(300) + "\"").build(),
				GitHubStub.ok("[" + "]").addHeader("ETag", "\"tab\there\"").build());

		CommitPage tooLong = forge(null).firstPage(HELLO_WORLD, 100, null, RateLimitWaits.NONE).block(WITHIN);
		CommitPage notATag = forge(null).firstPage(HELLO_WORLD, 100, null, RateLimitWaits.NONE).block(WITHIN);

		assertThat(tooLong.etag()).isNull();
		assertThat(notATag.etag()).isNull();
	}

	private static GitHubForge forgeAt(URI apiUrl, String token) {
		return forgeAt(apiUrl, token, GitHubStub.RETRY);
	}

	private static GitHubForge forgeAt(URI apiUrl, String token, RetrySettings retry) {
		return new GitHubForge("github",
				new ProviderSettings(ForgeType.GITHUB, apiUrl, token, Duration.ofSeconds(5), 1), retry,
				WebClient.builder(), Clock.systemUTC());
	}

	/**
	 * Reads the whole history as the fetch does: the first page, then every next page in
	 * turn.
	 */
	private static Mono<List<DiscoveredCommit>> allCommits(Forge forge, RepositoryPath repository, int pageSize) {
		return forge.firstPage(repository, pageSize)
			.expand(page -> page.next().map(cursor -> forge.nextPage(repository, cursor)).orElseGet(Mono::empty))
			.concatMapIterable(CommitPage::commits)
			.collectList();
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = GitHubForgeTest.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
