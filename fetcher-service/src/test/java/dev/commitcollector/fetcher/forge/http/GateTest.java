package dev.commitcollector.fetcher.forge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeType;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A rate limit one request ran into ({@code Retry-After}, a secondary limit) holds the
 * next request of every other fetch of the same forge instance until it lifts: the limit
 * is the token's, not the fetch's.
 */
class GateTest {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final Gate gate = new Gate("github",
			new ProviderSettings(ForgeType.GITHUB, URI.create("https://api.github.com"), null, Duration.ofSeconds(5),
					1),
			new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(15),
					Duration.ofSeconds(60), Duration.ofMinutes(2)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void holdsTheNextRequestOfAnotherFetchUntilTheLimitOneRanIntoLifts() {
		StepVerifier
			.create(gate.run(Mono.error(new ForgeFailure.RateLimited("github", NOW.plusSeconds(20), true)), until -> {
			}))
			.expectError(ForgeFailure.RateLimited.class)
			.verify(Duration.ofSeconds(5));

		List<Instant> otherFetchWaits = new CopyOnWriteArrayList<>();
		Disposable next = gate.run(Mono.just("a page of another repository"), otherFetchWaits::add).subscribe();
		try {
			assertThat(otherFetchWaits).containsExactly(NOW.plusSeconds(20));
		}
		finally {
			next.dispose();
		}
	}

}
