package dev.commitcollector.fetcher.forge;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The retry policy of one forge request. Server errors and timeouts back off
 * exponentially and give up after a few tries; a rate limit waits until the forge says
 * the budget is back, unless that is further away than the configured bound, in which
 * case the fetch fails saying when to retry.
 */
public final class ForgeRetry {

	private static final Logger log = LoggerFactory.getLogger(ForgeRetry.class);

	private ForgeRetry() {
	}

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

	public static Retry of(RetrySettings settings, Clock clock) {
		// the function runs once per subscription: each request has its own counters
		return Retry.from(signals -> {
			AtomicInteger failures = new AtomicInteger();
			AtomicInteger waits = new AtomicInteger();
			return signals.concatMap(signal -> {
				Throwable failure = signal.failure();
				if (failure instanceof ForgeFailure.RateLimited limited) {
					return waits.incrementAndGet() > MAX_RATE_LIMIT_WAITS ? Mono.error(limited)
							: waitFor(limited, settings, clock);
				}
				if (failure instanceof ForgeFailure.Unavailable unavailable) {
					int attempt = failures.getAndIncrement();
					if (attempt >= settings.maxRetries()) {
						return Mono.error(new ForgeFailure.Unavailable(
								unavailable.getMessage() + " (gave up after " + (attempt + 1) + " attempts)"));
					}
					Duration backoff = backoff(settings, attempt);
					log.info("forge unavailable ({}); retry {} of {} in {}", unavailable.getMessage(), attempt + 1,
							settings.maxRetries(), backoff);
					return Mono.delay(backoff);
				}
				return Mono.error(failure);
			});
		});
	}

	private static Mono<Long> waitFor(ForgeFailure.RateLimited limited, RetrySettings settings, Clock clock) {
		Duration wait = Duration.between(clock.instant(), limited.retryAt());
		if (wait.compareTo(settings.maxRateLimitWait()) > 0) {
			return Mono.error(limited);
		}
		Duration bounded = wait.compareTo(MIN_RATE_LIMIT_WAIT) < 0 ? MIN_RATE_LIMIT_WAIT : wait;
		log.info("forge rate limit reached; waiting {} until {}", bounded, limited.retryAt());
		// whoever runs the request may listen (a fetch shows it as waitingUntil)
		return Mono.deferContextual(context -> {
			RateLimitWaits listener = context.getOrDefault(RateLimitWaits.class, RateLimitWaits.NONE);
			listener.waitingUntil(clock.instant().plus(bounded));
			return Mono.delay(bounded).doFinally(signal -> listener.waitingUntil(null));
		});
	}

	static Duration backoff(RetrySettings settings, long attempt) {
		long millis = settings.firstBackoff().toMillis() << Math.min(attempt, 20);
		return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
	}

}
