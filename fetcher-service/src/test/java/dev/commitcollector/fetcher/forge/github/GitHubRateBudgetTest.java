package dev.commitcollector.fetcher.forge.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * What GitHub says is left of the rate limit paces the requests; the fetch is told while
 * it waits, and a request that could only wait past the longest wait is not sent.
 */
class GitHubRateBudgetTest {

	private static final RepositoryPath HELLO_WORLD = RepositoryPath.parse("octocat/Hello-World");

	private static final Duration WITHIN = Duration.ofSeconds(30);

	private final MockWebServer server = new MockWebServer();

	private GitHubStub github;

	@BeforeEach
	void startGitHub() throws IOException {
		server.start();
		github = GitHubStub.serving(server, "", "octocat", "Hello-World").withHistory(GitHubStub.history(250));
	}

	@AfterEach
	void stopGitHub() {
		server.close();
	}

	@Test
	void failsAtOnceWhenNothingIsLeftUntilAResetPastTheLongestWait() {
		Instant reset = Instant.now().plus(Duration.ofMinutes(40));
		github.withRateLimit(0, reset);
		GitHubForge forge = github.forge(null);
		CommitPage first = forge.firstPage(HELLO_WORLD, 100).block(WITHIN);

		StepVerifier.create(forge.nextPage(HELLO_WORLD, first.next().orElseThrow()))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ForgeFailure.RateLimited.class,
					limited -> assertThat(limited.retryAt().getEpochSecond()).isEqualTo(reset.getEpochSecond())))
			.verify(WITHIN);
		assertThat(github.requests()).hasSize(1);
	}

	@Test
	void tellsTheFetchWhileItPacesTheNextRequestThenReadsIt() {
		github.withRateLimit(1, Instant.now().plusSeconds(2));
		GitHubForge forge = github.forge(null);
		CommitPage first = forge.firstPage(HELLO_WORLD, 100).block(WITHIN);
		List<Instant> told = new CopyOnWriteArrayList<>();
		RateLimitWaits waits = until -> told.add(until == null ? Instant.MIN : until);

		CommitPage second = forge.nextPage(HELLO_WORLD, first.next().orElseThrow(), waits).block(WITHIN);

		assertThat(second.commits()).hasSize(100);
		assertThat(told).hasSize(2);
		assertThat(told.get(0)).isAfter(Instant.now().minusSeconds(60));
		assertThat(told.get(1)).isEqualTo(Instant.MIN);
	}

}
