package dev.commitcollector.fetcher.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A repository kept up to date: an incremental fetch of up to {@code limit} commits every
 * {@code interval}, the next one due at {@code nextRunAt}. {@code lastFetch} is the id of
 * the fetch it started last, {@code null} before its first turn; {@code failedTurns} how
 * many turns in a row found the fetch before them FAILED.
 */
public record Watch(UUID id, RepositoryRef target, int limit, Duration interval, Instant createdAt, Instant nextRunAt,
		UUID lastFetch, int failedTurns) {

	/** The most a turn is put off, past its interval, so instances do not run in step. */
	private static final Duration MAX_JITTER = Duration.ofMinutes(1);

	/**
	 * The longest a failing watch waits between turns, unless its interval is longer: a
	 * repository deleted or made private costs a request a day, not one per interval.
	 */
	static final Duration MAX_BACKOFF = Duration.ofDays(1);

	public Watch {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(interval, "interval");
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("interval must be positive");
		}
		if (failedTurns < 0) {
			throw new IllegalArgumentException("failedTurns must not be negative");
		}
	}

	/** A new watch, first due {@code now}. */
	public static Watch of(RepositoryRef target, int limit, Duration interval, Instant now) {
		return new Watch(UUID.randomUUID(), target, limit, interval, now, now, null, 0);
	}

	/** Whether its turn has come at {@code now}. */
	public boolean due(Instant now) {
		return !nextRunAt.isAfter(now);
	}

	/**
	 * When its next turn is due if one starts {@code now}: an interval later, plus
	 * {@code fraction} (from 0 to 1) of the jitter, which is a tenth of the interval and
	 * at most a minute. Milliseconds, so it reads the same back from the database.
	 */
	public Instant nextRunAfter(Instant now, double fraction) {
		return nextRunAfter(now, fraction, 0);
	}

	/**
	 * The same after {@code failed} turns in a row whose fetch failed: the interval
	 * doubled per failure, up to {@link #MAX_BACKOFF} (or the interval, if longer).
	 */
	public Instant nextRunAfter(Instant now, double fraction, int failed) {
		Duration tenth = interval.dividedBy(10);
		Duration jitter = tenth.compareTo(MAX_JITTER) > 0 ? MAX_JITTER : tenth;
		long jitterMillis = (long) (jitter.toMillis() * Math.max(0, Math.min(1, fraction)));
		return now.plus(backoff(failed)).plusMillis(jitterMillis).truncatedTo(ChronoUnit.MILLIS);
	}

	private Duration backoff(int failed) {
		Duration ceiling = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
		Duration wait = interval;
		for (int i = 0; i < failed && wait.compareTo(ceiling) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(ceiling) > 0 ? ceiling : wait;
	}

	public String provider() {
		return target.provider();
	}

	public RepositoryPath repository() {
		return target.path();
	}

}
