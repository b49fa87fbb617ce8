package dev.commitcollector.fetcher.forge.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.commitcollector.fetcher.application.Permits;
import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * The gate every request to one forge instance passes: at most its configured number at
 * once (one by default, as GitHub asks), each paced by what the instance says is left of
 * its rate limit. A pause is a wait for the rate limit like any other: the fetch shows
 * it. With nothing left until a reset further off than the longest wait allowed, a
 * request is not sent: it fails at once as the forge's answer would have.
 */
final class Gate {

	private static final Logger log = LoggerFactory.getLogger(Gate.class);

	private final String forge;

	private final Permits permits;

	private final RateBudget budget;

	private final Clock clock;

	Gate(String forge, ProviderSettings settings, RetrySettings retry, Clock clock) {
		this.forge = forge;
		this.permits = new Permits(settings.maxConcurrentRequests());
		this.budget = new RateBudget(clock, retry.maxRateLimitWait());
		this.clock = clock;
	}

	/**
	 * Runs {@code request} once a permit is free and the budget's pause is over, telling
	 * {@code waits} while it pauses.
	 */
	<T> Mono<T> run(Mono<T> request, RateLimitWaits waits) {
		Mono<T> held = request.doOnError(ForgeFailure.RateLimited.class,
				limited -> budget.holdUntil(limited.retryAt()));
		return permits.run(Mono.defer(() -> {
			Instant exhausted = budget.exhaustedPastLongestWait();
			if (exhausted != null) {
				return Mono.error(new ForgeFailure.RateLimited(forge, exhausted, true));
			}
			Duration pause = budget.pause();
			if (pause.isZero()) {
				return held;
			}
			log.info("{} is at or near its rate limit; the next request waits {}", forge, pause);
			waits.waitingUntil(clock.instant().plus(pause));
			return Mono.delay(pause).doFinally(signal -> waits.waitingUntil(null)).then(held);
		}));
	}

	/** Reads what an answer says is left of the rate limit. */
	void observe(HttpHeaders headers) {
		budget.observe(headers);
	}

}
