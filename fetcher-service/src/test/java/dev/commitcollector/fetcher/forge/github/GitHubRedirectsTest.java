package dev.commitcollector.fetcher.forge.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.contract.AllPages;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * A repository renamed or moved answers with where it is now; the token goes only where
 * the configured API is.
 */
class GitHubRedirectsTest {

	private static final Duration WITHIN = Duration.ofSeconds(30);

	private final MockWebServer server = new MockWebServer();

	private final MockWebServer elsewhere = new MockWebServer();

	private GitHubStub github;

	@BeforeEach
	void startGitHub() throws IOException {
		server.start();
		elsewhere.start();
		github = GitHubStub.serving(server, "/api/v3", "octocat", "Hello-World");
	}

	@AfterEach
	void stopGitHub() {
		server.close();
		elsewhere.close();
	}

	@Test
	void readsARenamedRepositoryWhereGitHubSaysItIsNow() {
		github.withHistory(GitHubStub.history(250)).renamedFrom("Old-Name").withMailmap("Mona <mona@github.com>\n");
		GitHubForge forge = github.forge("ghp_secret");

		List<DiscoveredCommit> commits = AllPages.read(forge, "octocat/Old-Name", 100);
		Mailmap mailmap = forge
			.mailmap(RepositoryPath.parse("octocat/Old-Name"), github.shas().get(0), RateLimitWaits.NONE)
			.block(WITHIN);

		assertThat(commits).extracting(DiscoveredCommit::sha).containsExactlyElementsOf(github.shas());
		assertThat(mailmap).isNotEqualTo(Mailmap.NONE);
		assertThat(github.requests()).extracting(request -> request.getUrl().encodedPath())
			.contains("/api/v3/repos/octocat/Old-Name/commits", "/api/v3/repositories/1296269/commits",
					"/api/v3/repositories/1296269/contents/.mailmap");
		assertThat(github.requests()).extracting(request -> request.getHeaders().get("Authorization"))
			.containsOnly("Bearer ghp_secret");
	}

	@Test
	void saysWhereARedirectOutOfTheApiPointedAndDoesNotFollowIt() {
		github.answerNext(moved(elsewhere.url("/repos/octocat/Hello-World/commits").toString()));

		StepVerifier.create(github.forge("ghp_secret").firstPage(RepositoryPath.parse("octocat/Hello-World"), 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
				.hasMessageContaining("GitHub answered 301 Moved Permanently")
				.hasMessageContaining("pointing to " + elsewhere.url("/repos/octocat/Hello-World/commits"))
				.hasMessageContaining("not followed")
				.hasMessageNotContaining("ghp_secret"))
			.verify(WITHIN);
		assertThat(elsewhere.getRequestCount()).isZero();
	}

	@Test
	void givesUpOnRedirectsThatGoRoundInTheApi() {
		AtomicInteger hops = new AtomicInteger();
		github.answerAlways(() -> moved(
				server.url("/api/v3/repos/octocat/Hello-World/commits?hop=" + hops.incrementAndGet()).toString()));

		StepVerifier.create(github.forge(null).firstPage(RepositoryPath.parse("octocat/Hello-World"), 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
				.hasMessageContaining("at most 3 in a row"))
			.verify(WITHIN);
		// the request, then three redirects followed, and the fourth refused
		assertThat(github.requests()).hasSize(4);
	}

	@Test
	void keepsToTheConfiguredApiWhenGitHubsLinksNameAnotherHost() {
		github.withHistory(GitHubStub.history(350)).linksPointingTo(elsewhere.url("/"));

		List<DiscoveredCommit> commits = AllPages.read(github.forge("ghp_secret"), "octocat/Hello-World", 100);

		assertThat(commits).extracting(DiscoveredCommit::sha).containsExactlyElementsOf(github.shas());
		assertThat(github.requests()).extracting(RecordedRequest::getUrl)
			.extracting(url -> url.queryParameter("page"))
			.containsExactly(null, "2", "3", "4");
		assertThat(elsewhere.getRequestCount()).isZero();
	}

	private static MockResponse moved(String location) {
		return new MockResponse.Builder().code(301)
			.setHeader("Location", location)
			.setHeader("Content-Type", "application/json; charset=utf-8")
			.body("{\"message\":\"Moved Permanently\",\"url\":\"" + location + "\"}")
			.build();
	}

}
