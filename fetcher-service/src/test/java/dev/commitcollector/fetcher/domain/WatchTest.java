package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class WatchTest {

	private static final Instant NOW = Instant.parse("2026-08-01T10:00:00.123456Z");

	private static final RepositoryRef TARGET = new RepositoryRef("github", RepositoryPath.parse("acme/widgets"));

	@Test
	void putsItsNextTurnOffByAtMostATenthOfItsInterval() {
		Watch watch = Watch.of(TARGET, 10, Duration.ofMinutes(5), NOW);

		assertThat(watch.nextRunAfter(NOW, 0)).isEqualTo(Instant.parse("2026-08-01T10:05:00.123Z"));
		assertThat(watch.nextRunAfter(NOW, 1)).isEqualTo(Instant.parse("2026-08-01T10:05:30.123Z"));
	}

	@Test
	void putsItsNextTurnOffByAtMostAMinute() {
		Watch watch = Watch.of(TARGET, 10, Duration.ofHours(24), NOW);

		assertThat(watch.nextRunAfter(NOW, 1)).isEqualTo(Instant.parse("2026-08-02T10:01:00.123Z"));
	}

	@Test
	void waitsTwiceItsIntervalPerFailedTurnButNeverMoreThanADayOrItsIntervalIfLonger() {
		Watch hourly = Watch.of(TARGET, 10, Duration.ofHours(1), NOW);
		Watch weekly = Watch.of(TARGET, 10, Duration.ofDays(7), NOW);
		Instant millis = NOW.truncatedTo(ChronoUnit.MILLIS);

		assertThat(hourly.nextRunAfter(NOW, 0, 0)).isEqualTo(millis.plus(Duration.ofHours(1)));
		assertThat(hourly.nextRunAfter(NOW, 0, 3)).isEqualTo(millis.plus(Duration.ofHours(8)));
		assertThat(hourly.nextRunAfter(NOW, 0, 5)).isEqualTo(millis.plus(Duration.ofDays(1)));
		assertThat(hourly.nextRunAfter(NOW, 0, Integer.MAX_VALUE)).isEqualTo(millis.plus(Duration.ofDays(1)));
		assertThat(weekly.nextRunAfter(NOW, 0, 4)).isEqualTo(millis.plus(Duration.ofDays(7)));
	}

	@Test
	void isDueFromItsNextRunOn() {
		Watch watch = Watch.of(TARGET, 10, Duration.ofMinutes(5), NOW);

		assertThat(watch.due(NOW.minusNanos(1000))).isFalse();
		assertThat(watch.due(NOW)).isTrue();
	}

}
