package dev.commitcollector.fetcher.forge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

class FailuresTest {

	private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofSeconds(30), Duration.ofSeconds(60));

	private static final RepositoryPath REPOSITORY = RepositoryPath.parse("acme/app");

	@Test
	void readsTheMessageOfAnErrorBodyAsLongAsItReadsWithoutRecursingPerCharacter() {
		String body = "{\"message\":\"" + "a\\\"b".repeat(1000) + "\",\"documentation_url\":\"x\"}";

		assertThat(SmallStack.run(() -> Failures.messageOf(body))).startsWith("a\"ba\"b").endsWith("...");
		assertThat(SmallStack.run(() -> Failures.messageOf("{\"message\": \"" + "x".repeat(5000))))
			.startsWith("{\"message\": \"xxx");
	}

	@Test
	void repeatsTheMessageAsTheForgeMeantItWithoutItsJsonEscapes() {
		String body = "{\"message\":\"Bad request; you sent {\\\"Host\\\": \\\"x\\\"}\\n\\ud83d\\ude00 \\ud800 \\\\ \\u12\"}";

		assertThat(Failures.messageOf(body))
			.isEqualTo("Bad request; you sent {\"Host\": \"x\"} \ud83d\ude00 \ufffd \\ \\u12");
	}

	@Test
	void repeatsTheMessageOfANestedJsonError() {
		assertThat(Failures.messageOf("{\"type\":\"error\",\"error\":{\"message\":\"Repository acme/app not found\"}}"))
			.isEqualTo("Repository acme/app not found");
	}

	@Test
	void repeatsABodyWithoutAMessageShortenedAndWithoutControlCharacters() {
		assertThat(Failures.messageOf("  line one\nline two\u0007 " + "x".repeat(400))).startsWith("line one line two ")
			.hasSize(303)
			.endsWith("...");
	}

	@Test
	void doesNotRepeatTheStatusAForgePutsBeforeItsMessage() {
		assertThat(rejectedCredentials("gitlab"))
			.hasMessageStartingWith("GitLab rejected the credentials (401 Unauthorized)");
	}

	@Test
	void pointsABuiltInProviderAtItsTokenVariable() {
		assertThat(rejectedCredentials("gitlab")).hasMessageContaining("check GITLAB_TOKEN");
	}

	@Test
	void pointsAnAddedProviderAtItsTokenSetting() {
		assertThat(rejectedCredentials("gitlab-internal"))
			.hasMessageContaining("check forges.providers.gitlab-internal.token");
	}

	@Test
	void saysWhyAForgeCouldNotBeReached() {
		Throwable refused = new WebClientRequestException(
				new IOException("wrapped", new ConnectException("Connection refused: forge.internal/10.0.3.4:443")),
				HttpMethod.GET, URI.create("https://github.example/api/v3/repos/acme/app/commits"), new HttpHeaders());

		assertThat(new Failures("GitHub", "github", RETRY, Clock.systemUTC()).unlessForgeFailure(refused))
			.isInstanceOf(ForgeFailure.Unavailable.class)
			.hasMessage("GitHub could not be reached or did not answer in time (ConnectException: connection refused)")
			.hasMessageNotContaining("10.0.3.4");
	}

	@Test
	void takesABodyThatStoppedComingForAForgeThatDidNotAnswerInTimeWorthRetrying() {
		Throwable stalled = new Failures("GitHub", "github", RETRY, Clock.systemUTC())
			.unlessForgeFailure(io.netty.handler.timeout.ReadTimeoutException.INSTANCE);

		assertThat(stalled).isInstanceOf(ForgeFailure.Unavailable.class)
			.hasMessageContaining("GitHub could not be reached or did not answer in time (ReadTimeoutException)");
	}

	@Test
	void namesTheHostItCouldNotResolveNotTheResolversOwnException() {
		Throwable unresolved = new WebClientRequestException(
				new UnknownHostException("Failed to resolve 'api.github.com'") {
					{
						initCause(new IllegalStateException("DnsErrorCauseException: Query failed with NXDOMAIN"));
					}
				}, HttpMethod.GET, URI.create("https://api.github.com/repos/octocat/Hello-World/commits"),
				new HttpHeaders());

		assertThat(new Failures("GitHub", "github", RETRY, Clock.systemUTC()).unlessForgeFailure(unresolved))
			.isInstanceOf(ForgeFailure.Unavailable.class)
			.hasMessage("GitHub could not be reached or did not answer in time (UnknownHostException: api.github.com "
					+ "could not be resolved; check the provider's API URL and this machine's DNS)");
	}

	@Test
	void masksTheTokenInAnyErrorTheForgeRepeatsItIn() {
		Failures failures = new Failures("GitHub", "github", "ghp_secret_4242", RETRY, Clock.systemUTC());
		HttpHeaders moved = new HttpHeaders();
		moved.setLocation(URI.create("https://elsewhere.example/?token=ghp_secret_4242"));
		String cutInHalf = "x".repeat(290) + "ghp_secret_4242";

		assertThat(failures.of(REPOSITORY, new HttpHeaders(), 500,
				failures.said("{\"message\":\"Bearer ghp_secret_4242\"}")))
			.hasMessage("GitHub answered 500 Bearer [token]");
		assertThat(failures.of(REPOSITORY, moved, 302, "moved")).hasMessageContaining("?token=[token]");
		assertThat(failures.said(cutInHalf)).doesNotContain("ghp_").startsWith("xxx");
		assertThat(failures.said("{\"message\":\"you sent ghp\\u005fsecret\\u005f4242\"}"))
			.isEqualTo("you sent [token]");
		assertThat(failures.unlessForgeFailure(new DecodingException("Unexpected token ghp_secret_4242 at 1")))
			.hasMessageContaining("Unexpected token [token] at 1")
			.hasMessageNotContaining("ghp_secret_4242");
	}

	@Test
	void believesARateLimitAtMostAnHourAheadAsTheRequestsItHoldsDo() {
		Instant now = Instant.parse("2026-12-03T14:00:00Z");
		Failures failures = new Failures("GitHub", "github", RETRY, Clock.fixed(now, ZoneOffset.UTC));
		HttpHeaders aDay = new HttpHeaders();
		aDay.set(HttpHeaders.RETRY_AFTER, "86400");
		HttpHeaders aMinute = new HttpHeaders();
		aMinute.set(HttpHeaders.RETRY_AFTER, "60");

		assertThat(failures.of(REPOSITORY, aDay, 429, "slow down")).isInstanceOfSatisfying(
				ForgeFailure.RateLimited.class,
				limited -> assertThat(limited.retryAt()).isEqualTo(now.plus(RateBudget.LONGEST_WINDOW)));
		assertThat(failures.of(REPOSITORY, aMinute, 429, "slow down")).isInstanceOfSatisfying(
				ForgeFailure.RateLimited.class,
				limited -> assertThat(limited.retryAt()).isEqualTo(now.plusSeconds(60)));
	}

	@Test
	void saysARepositoryNotFoundWithATokenIsNotVisibleToThatToken() {
		assertThat(new Failures("Codeberg", "codeberg", "secret", RETRY, Clock.systemUTC()).of(REPOSITORY,
				new HttpHeaders(), 404, "not found"))
			.hasMessageContaining("visible to the token in CODEBERG_TOKEN")
			.hasMessageNotContaining("needs a token");
		assertThat(new Failures("Codeberg", "codeberg", RETRY, Clock.systemUTC()).of(REPOSITORY, new HttpHeaders(), 404,
				"not found"))
			.hasMessageContaining("a private repository needs a token");
	}

	private static ForgeFailure rejectedCredentials(String provider) {
		return new Failures("GitLab", provider, RETRY, Clock.systemUTC()).of(REPOSITORY, new HttpHeaders(), 401,
				"401 Unauthorized");
	}

}
