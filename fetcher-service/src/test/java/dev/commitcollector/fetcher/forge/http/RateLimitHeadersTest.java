package dev.commitcollector.fetcher.forge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RateLimitHeadersTest {

	private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final Duration FALLBACK = Duration.ofSeconds(60);

	private static final String SECONDARY = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";

	@Test
	void takesARetryAfterTooLongToReadForLongerThanAnyWaitNotForNoTimeGiven() {
		assertThat(retryAt(429, "Retry-After", "1000000000000")).isEqualTo(NOW.plus(RateLimitHeaders.BEYOND_ANY_WAIT));
	}

	@Test
	void waitsTheSecondsRetryAfterGives() {
		assertThat(retryAt(429, "Retry-After", "30")).isEqualTo(NOW.plusSeconds(30));
	}

	@Test
	void waitsUntilTheDateRetryAfterGives() {
		assertThat(retryAt(429, "Retry-After", "Fri, 01 May 2026 12:05:00 GMT")).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void waitsForTheResetOfASpentGitHubBudget() {
		HttpHeaders headers = headers("x-ratelimit-remaining", "0");
		headers.add("x-ratelimit-reset", String.valueOf(NOW.plusSeconds(900).getEpochSecond()));

		assertThat(RateLimitHeaders.retryAt(headers, 403, "API rate limit exceeded", CLOCK, FALLBACK))
			.isEqualTo(NOW.plusSeconds(900));
	}

	@Test
	void waitsForTheResetOfASpentGitLabBudget() {
		HttpHeaders headers = headers("RateLimit-Remaining", "0");
		headers.add("RateLimit-Reset", String.valueOf(NOW.plusSeconds(42).getEpochSecond()));

		assertThat(RateLimitHeaders.retryAt(headers, 429, "", CLOCK, FALLBACK)).isEqualTo(NOW.plusSeconds(42));
	}

	@Test
	void waitsTheConfiguredDefaultOnA429ThatSaysNothing() {
		assertThat(RateLimitHeaders.retryAt(new HttpHeaders(), 429, "", CLOCK, Duration.ofSeconds(7)))
			.isEqualTo(NOW.plusSeconds(7));
	}

	@Test
	void readsAForbiddenWithBudgetLeftThatSaysNothingOfALimitAsARefusal() {
		assertThat(retryAt(403, "x-ratelimit-remaining", "4999")).isNull();
		assertThat(RateLimitHeaders.retryAt(new HttpHeaders(), 403, "Resource not accessible by integration", CLOCK,
				FALLBACK))
			.isNull();
	}

	@Test
	void waitsTheConfiguredDefaultOnASecondaryLimitThatLeavesBudgetAndSaysNotWhen() {
		HttpHeaders headers = headers("x-ratelimit-remaining", "4999");
		headers.add("x-ratelimit-reset", String.valueOf(NOW.plusSeconds(900).getEpochSecond()));

		for (int status : new int[] { 403, 429 }) {
			assertThat(RateLimitHeaders.retryAt(headers, status, SECONDARY, CLOCK, Duration.ofSeconds(7)))
				.isEqualTo(NOW.plusSeconds(7));
		}
		assertThat(RateLimitHeaders.retryAt(headers, 403,
				"You have triggered an abuse detection mechanism. Please wait a few minutes before you try again.",
				CLOCK, Duration.ofSeconds(7)))
			.isEqualTo(NOW.plusSeconds(7));
		assertThat(RateLimitHeaders.announced(headers, CLOCK)).isFalse();
	}

	@Test
	void toldWhenOnlyByRetryAfterOrTheResetOfASpentBudget() {
		HttpHeaders spent = headers("x-ratelimit-remaining", "0");
		spent.add("x-ratelimit-reset", String.valueOf(NOW.plusSeconds(900).getEpochSecond()));

		assertThat(RateLimitHeaders.announced(headers("Retry-After", "30"), CLOCK)).isTrue();
		assertThat(RateLimitHeaders.announced(spent, CLOCK)).isTrue();
		assertThat(RateLimitHeaders.announced(headers("x-ratelimit-remaining", "0"), CLOCK)).isFalse();
	}

	@Test
	void readsNoLimitIntoOtherStatuses() {
		assertThat(retryAt(503, "Retry-After", "30")).isNull();
	}

	private static Instant retryAt(int status, String header, String value) {
		return RateLimitHeaders.retryAt(headers(header, value), status, "Forbidden", CLOCK, FALLBACK);
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(name, value);
		return headers;
	}

}
