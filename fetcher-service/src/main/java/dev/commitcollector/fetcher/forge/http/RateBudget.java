package dev.commitcollector.fetcher.forge.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpHeaders;

/**
 * What a forge instance says is left of its rate limit, read from the headers of every
 * answer ({@code x-ratelimit-remaining}/{@code -reset} on GitHub and Gitea,
 * {@code RateLimit-Remaining}/{@code -Reset} on GitLab). When little is left, requests
 * are spread over the time until the reset instead of running into the limit. A rate
 * limit one answer ran into ({@code Retry-After}, GitHub's secondary limit) holds every
 * request to the instance until it lifts, not only the one that met it: the limit is the
 * token's, and GitHub warns that requests sent meanwhile can get an integration banned.
 */
final class RateBudget {

	/** Below this many requests left, requests are paced. */
	static final int LOW = 10;

	private final Clock clock;

	private final Duration maxPause;

	private long remaining = Long.MAX_VALUE;

	private Instant reset = Instant.MIN;

	private Instant heldUntil = Instant.MIN;

	RateBudget(Clock clock, Duration maxPause) {
		this.clock = clock;
		this.maxPause = maxPause;
	}

	synchronized void observe(HttpHeaders headers) {
		long left = RateLimitHeaders.remaining(headers);
		if (left >= 0) {
			remaining = left;
			Instant resetAt = RateLimitHeaders.reset(headers);
			Instant latest = clock.instant().plus(LONGEST_WINDOW);
			reset = resetAt == null ? Instant.MIN : resetAt.isAfter(latest) ? latest : resetAt;
		}
	}

	/** An answer said the rate limit is reached until {@code until}. */
	synchronized void holdUntil(Instant until) {
		Instant latest = clock.instant().plus(LONGEST_WINDOW);
		Instant bounded = until.isAfter(latest) ? latest : until;
		if (bounded.isAfter(heldUntil)) {
			heldUntil = bounded;
		}
	}

	/**
	 * The furthest off a budget's reset is believed: GitHub's, GitLab's and Gitea's
	 * limits reset within the hour. A reset further off (one answer saying the year 3000)
	 * would otherwise refuse every request of the forge instance until a restart, since a
	 * request refused is never sent, and so never brings a newer budget.
	 */
	static final Duration LONGEST_WINDOW = Duration.ofHours(1);

	/**
	 * When the rate limit resets, if nothing is left of it until then and that is further
	 * off than the longest pause; else null.
	 */
	synchronized Instant exhaustedPastLongestWait() {
		Instant now = clock.instant();
		if (heldUntil.isAfter(now.plus(maxPause))) {
			return heldUntil;
		}
		return remaining == 0 && reset.isAfter(now.plus(maxPause)) ? reset : null;
	}

	/** How long to wait before the next request, so the budget lasts until it resets. */
	synchronized Duration pause() {
		Instant now = clock.instant();
		Duration held = heldUntil.isAfter(now) ? Duration.between(now, heldUntil) : Duration.ZERO;
		if (remaining >= LOW || !reset.isAfter(now)) {
			return held.compareTo(maxPause) > 0 ? maxPause : held;
		}
		Duration pause = Duration.between(now, reset).dividedBy(Math.max(1, remaining));
		pause = pause.compareTo(held) < 0 ? held : pause;
		return pause.compareTo(maxPause) > 0 ? maxPause : pause;
	}

}
