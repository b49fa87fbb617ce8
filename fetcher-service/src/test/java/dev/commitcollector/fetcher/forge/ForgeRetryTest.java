package dev.commitcollector.fetcher.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ForgeRetryTest {

	private static final RetrySettings SETTINGS = new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(10),
			Duration.ofMinutes(15));

	@Test
	void doublesTheBackoffOnEachAttempt() {
		assertThat(ForgeRetry.backoff(SETTINGS, 0)).isEqualTo(Duration.ofMillis(500));
		assertThat(ForgeRetry.backoff(SETTINGS, 1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(ForgeRetry.backoff(SETTINGS, 2)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void capsTheBackoffAtTheConfiguredMaximum() {
		assertThat(ForgeRetry.backoff(SETTINGS, 5)).isEqualTo(Duration.ofSeconds(10));
		assertThat(ForgeRetry.backoff(SETTINGS, 1_000)).isEqualTo(Duration.ofSeconds(10));
	}

}
