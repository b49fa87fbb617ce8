package dev.commitcollector.fetcher.forge.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The retry policy of a forge's requests. Server errors and timeouts back off
 * exponentially and give up after a few tries; a rate limit waits until the forge says
 * the budget is back, unless that is further away than the configured bound, in which
 * case the fetch fails saying when to retry.
 */
public final class RetryPolicy {

	private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

	/**
	 * A forge that keeps answering "rate limited" after this many waits is not waited for
	 * again.
	 */
	static final int MAX_RATE_LIMIT_WAITS = 5;

	/**
	 * The shortest rate-limit wait, so a reset time already past (clock skew) never
	 * spins.
	 */
	static final Duration MIN_RATE_LIMIT_WAIT = Duration.ofSeconds(1);

	private final RetrySettings settings;

	private final Clock clock;

	public RetryPolicy(RetrySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The retry of one request, which tells {@code waits} while it waits for a rate
	 * limit.
	 */
	public Retry forRequest(RateLimitWaits waits) {
		// the function runs once per subscription: each request has its own counters
		return Retry.from(signals -> {
			AtomicInteger failures = new AtomicInteger();
			AtomicInteger rateLimits = new AtomicInteger();
			return signals.concatMap(signal -> {
				Throwable failure = signal.failure();
				if (failure instanceof ForgeFailure.RateLimited limited) {
					int wait = rateLimits.incrementAndGet();
					return wait > MAX_RATE_LIMIT_WAITS ? Mono.error(limited) : waitFor(limited, wait, waits);
				}
				if (failure instanceof ForgeFailure.Unavailable unavailable) {
					return backOff(unavailable, failures.getAndIncrement());
				}
				return Mono.error(failure);
			});
		});
	}

	private Mono<Long> backOff(ForgeFailure.Unavailable unavailable, int attempt) {
		if (attempt >= settings.maxRetries()) {
			return Mono.error(new ForgeFailure.Unavailable(
					unavailable.getMessage() + " (gave up after " + (attempt + 1) + " attempts)"));
		}
		Duration backoff = backoff(settings, attempt);
		log.info("forge unavailable ({}); retry {} of {} in {}", unavailable.getMessage(), attempt + 1,
				settings.maxRetries(), backoff);
		return Mono.delay(backoff);
	}

	/**
	 * Waits as the forge said; a limit that did not say when ({@code retryAt} a guess, by
	 * default a minute) waits twice as long each time it comes back for one request, as
	 * GitHub asks.
	 */
	private Mono<Long> waitFor(ForgeFailure.RateLimited said, int time, RateLimitWaits waits) {
		Instant now = clock.instant();
		ForgeFailure.RateLimited limited = said.announced() ? said
				: said.until(now.plus(Duration.between(now, said.retryAt()).multipliedBy(1L << (time - 1))));
		Duration wait = Duration.between(now, limited.retryAt());
		if (wait.compareTo(settings.maxRateLimitWait()) > 0) {
			return Mono.error(limited);
		}
		Duration bounded = wait.compareTo(MIN_RATE_LIMIT_WAIT) < 0 ? MIN_RATE_LIMIT_WAIT : wait;
		log.info("forge rate limit reached; waiting {} until {}", bounded, limited.retryAt());
		return Mono.defer(() -> {
			waits.waitingUntil(clock.instant().plus(bounded));
			return Mono.delay(bounded).doFinally(signal -> waits.waitingUntil(null));
		});
	}

	static Duration backoff(RetrySettings settings, long attempt) {
		long millis = settings.firstBackoff().toMillis() << Math.min(attempt, 20);
		return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
	}

}
