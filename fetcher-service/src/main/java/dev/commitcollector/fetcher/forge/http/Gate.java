package dev.commitcollector.fetcher.forge.http;

import java.time.Clock;
import java.time.Duration;

import dev.commitcollector.fetcher.application.Permits;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * The gate every request to one forge instance passes: at most its configured number at
 * once (one by default, as GitHub asks), each paced by what the instance says is left of
 * its rate limit.
 */
final class Gate {

	private final Permits permits;

	private final RateBudget budget;

	Gate(ProviderSettings settings, RetrySettings retry, Clock clock) {
		this.permits = new Permits(settings.maxConcurrentRequests());
		this.budget = new RateBudget(clock, retry.maxRateLimitWait());
	}

	/** Runs {@code request} once a permit is free and the budget's pause is over. */
	<T> Mono<T> run(Mono<T> request) {
		return permits.run(Mono.defer(() -> {
			Duration pause = budget.pause();
			return pause.isZero() ? request : Mono.delay(pause).then(request);
		}));
	}

	/** Reads what an answer says is left of the rate limit. */
	void observe(HttpHeaders headers) {
		budget.observe(headers);
	}

}
