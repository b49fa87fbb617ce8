package dev.commitcollector.fetcher.forge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RateBudgetTest {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final RateBudget budget = new RateBudget(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

	@Test
	void believesNoResetFurtherOffThanAnHourSoOneAnswerCannotStopTheForgeForGood() {
		budget
			.observe(headers("x-ratelimit-remaining", "0", "x-ratelimit-reset", Instant.parse("3000-01-01T00:00:00Z")));

		assertThat(budget.exhaustedPastLongestWait()).isEqualTo(NOW.plus(RateBudget.LONGEST_WINDOW));
	}

	@Test
	void doesNotPaceWhilePlentyIsLeft() {
		budget.observe(headers("x-ratelimit-remaining", "4000", "x-ratelimit-reset", NOW.plusSeconds(3600)));

		assertThat(budget.pause()).isZero();
	}

	@Test
	void spreadsTheLastRequestsOverTheTimeUntilTheReset() {
		budget.observe(headers("x-ratelimit-remaining", "4", "x-ratelimit-reset", NOW.plusSeconds(120)));

		assertThat(budget.pause()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void readsGitLabsHeadersTooAndNeverPausesLongerThanTheBound() {
		budget.observe(headers("RateLimit-Remaining", "1", "RateLimit-Reset", NOW.plusSeconds(3600)));

		assertThat(budget.pause()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void ignoresAResetInThePastAndHeadersItCannotRead() {
		budget.observe(headers("x-ratelimit-remaining", "0", "x-ratelimit-reset", NOW.minusSeconds(1)));
		assertThat(budget.pause()).isZero();

		budget.observe(headers("x-ratelimit-remaining", "lots", "x-ratelimit-reset", NOW.plusSeconds(60)));
		assertThat(budget.pause()).isZero();
	}

	@Test
	void holdsEveryRequestUntilALimitOneAnswerRanIntoLiftsWhateverIsLeft() {
		budget.observe(headers("x-ratelimit-remaining", "4000", "x-ratelimit-reset", NOW.plusSeconds(3600)));
		budget.holdUntil(NOW.plusSeconds(20));
		budget.holdUntil(NOW.plusSeconds(5));

		assertThat(budget.pause()).isEqualTo(Duration.ofSeconds(20));
		assertThat(budget.exhaustedPastLongestWait()).isNull();
	}

	@Test
	void failsAtOnceWhileAHoldLastsLongerThanTheLongestWait() {
		budget.holdUntil(NOW.plus(Duration.ofMinutes(10)));

		assertThat(budget.exhaustedPastLongestWait()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
	}

	private static HttpHeaders headers(String remainingName, String remaining, String resetName, Instant reset) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(remainingName, remaining);
		headers.add(resetName, String.valueOf(reset.getEpochSecond()));
		return headers;
	}

}
