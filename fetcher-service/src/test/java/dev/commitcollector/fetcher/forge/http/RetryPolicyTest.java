package dev.commitcollector.fetcher.forge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RetryPolicyTest {

	private static final RetrySettings SETTINGS = new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(10),
			Duration.ofMinutes(15), Duration.ofSeconds(60));

	private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

	@Test
	void doublesTheBackoffOnEachAttempt() {
		assertThat(RetryPolicy.backoff(SETTINGS, 0)).isEqualTo(Duration.ofMillis(500));
		assertThat(RetryPolicy.backoff(SETTINGS, 1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(RetryPolicy.backoff(SETTINGS, 2)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void capsTheBackoffAtTheConfiguredMaximum() {
		assertThat(RetryPolicy.backoff(SETTINGS, 5)).isEqualTo(Duration.ofSeconds(10));
		assertThat(RetryPolicy.backoff(SETTINGS, 1_000)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void tellsTheRequestsCallerUntilWhenItWaitsForARateLimitAndWhenItStopsWaiting() {
		RetryPolicy policy = new RetryPolicy(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
		List<Instant> told = new CopyOnWriteArrayList<>();
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> request = Mono.defer(() -> attempts.getAndIncrement() == 0
				? Mono.error(new ForgeFailure.RateLimited("GitHub", NOW.plusSeconds(30))) : Mono.just("page"));

		StepVerifier.withVirtualTime(() -> request.retryWhen(policy.forRequest(told::add)))
			.expectSubscription()
			.then(() -> assertThat(told).containsExactly(NOW.plusSeconds(30)))
			.thenAwait(Duration.ofSeconds(30))
			.expectNext("page")
			.verifyComplete();

		assertThat(told).containsExactly(NOW.plusSeconds(30), null);
		assertThat(attempts).hasValue(2);
	}

	@Test
	void doublesAWaitTheForgeDidNotAnnounceEachTimeTheLimitComesBack() {
		RetryPolicy policy = new RetryPolicy(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
		List<Instant> told = new CopyOnWriteArrayList<>();
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> request = Mono.defer(() -> attempts.getAndIncrement() < 3
				? Mono.error(new ForgeFailure.RateLimited("GitHub", NOW.plusSeconds(60), false)) : Mono.just("page"));

		StepVerifier.withVirtualTime(() -> request.retryWhen(policy.forRequest(told::add)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(60 + 120 + 240))
			.expectNext("page")
			.verifyComplete();

		assertThat(told).filteredOn(Objects::nonNull)
			.containsExactly(NOW.plusSeconds(60), NOW.plusSeconds(120), NOW.plusSeconds(240));
		assertThat(told).last().isNull();
	}

	@Test
	void failsSayingWhenToRetryOnceTheBackedOffWaitOutgrowsTheLongestWait() {
		RetrySettings shortest = new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(10),
				Duration.ofSeconds(90), Duration.ofSeconds(60));
		RetryPolicy policy = new RetryPolicy(shortest, Clock.fixed(NOW, ZoneOffset.UTC));
		Mono<String> request = Mono.error(new ForgeFailure.RateLimited("GitHub", NOW.plusSeconds(60), false));

		StepVerifier.withVirtualTime(() -> request.retryWhen(policy.forRequest(RateLimitWaits.NONE)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(60))
			.expectErrorSatisfies(
					error -> assertThat(((ForgeFailure.RateLimited) error).retryAt()).isEqualTo(NOW.plusSeconds(120)))
			.verify();
	}

}
