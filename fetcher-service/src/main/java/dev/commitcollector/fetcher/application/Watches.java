package dev.commitcollector.fetcher.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.RepositoryRef;
import dev.commitcollector.fetcher.domain.Watch;
import reactor.core.publisher.Mono;

/** Every watch, shared by all fetcher instances and kept across restarts. */
public interface Watches {

	/**
	 * Adds {@code watch}; fails with {@link WatchExists} when its repository is watched
	 * already, and with {@link TooManyWatches} when {@code most} watches exist already.
	 */
	Mono<Watch> add(Watch watch, int most);

	/** Adds {@code watch} whatever the number of watches there are. */
	default Mono<Watch> add(Watch watch) {
		return add(watch, Integer.MAX_VALUE);
	}

	Mono<Optional<Watch>> find(UUID id);

	/**
	 * At most {@code max} watches, by provider and repository: those after {@code after}
	 * when given, else from the first.
	 */
	Mono<List<Watch>> list(int max, Optional<RepositoryRef> after);

	/** Whether there was such a watch to remove. */
	Mono<Boolean> remove(UUID id);

	/** Up to {@code max} watches due at {@code now}, the longest due first. */
	Mono<List<Watch>> due(Instant now, int max);

	/**
	 * Takes the turn of {@code watch} if it is still due at {@code now} and no one took
	 * it since it was read, moving its next run to {@code next} (the end of the turn's
	 * lease: a turn that never ends is taken again then); emits the watch as moved, or
	 * nothing when the turn is not (or no longer) this caller's. Of several callers, on
	 * any instance, at most one gets a turn.
	 */
	Mono<Optional<Watch>> claim(Watch watch, Instant now, Instant next);

	/**
	 * The turn the watch was claimed for until {@code lease} started {@code fetch}:
	 * remembers it as the last one the watch started and {@code failedTurns} as the turns
	 * in a row that found the fetch before them failed, and moves the watch's next run to
	 * {@code next}. Does nothing when the lease is no longer this caller's (its next run
	 * is no longer {@code lease}).
	 */
	Mono<Void> started(UUID watch, Instant lease, UUID fetch, Instant next, int failedTurns);

	/**
	 * The turn the watch was claimed for until {@code lease} was skipped (its repository
	 * had a fetch waiting or running): moves its next run to {@code next}, unless the
	 * lease is no longer this caller's.
	 */
	Mono<Void> skipped(UUID watch, Instant lease, Instant next);

	/**
	 * As many watches as this fetcher keeps exist already: {@code existing} of
	 * {@code most}, or more when WATCH_MAX was lowered after they were added.
	 */
	final class TooManyWatches extends RuntimeException {

		private final long existing;

		private final int most;

		public TooManyWatches(long existing, int most) {
			super(existing + (existing == 1 ? " watch exists" : " watches exist") + " and this fetcher keeps at most "
					+ most + " (WATCH_MAX); delete " + (existing >= most ? existing - most + 1 : 1)
					+ (existing - most + 1 > 1 ? " watches" : " watch")
					+ " you no longer need first, or raise WATCH_MAX");
			this.existing = existing;
			this.most = most;
		}

		public long existing() {
			return existing;
		}

		public int most() {
			return most;
		}

	}

	/** The repository is watched already, by the watch {@code existing}. */
	final class WatchExists extends RuntimeException {

		private final UUID existing;

		public WatchExists(UUID existing) {
			super("this repository is watched already, by watch " + existing + "; delete that one first to change it");
			this.existing = existing;
		}

		public UUID existing() {
			return existing;
		}

	}

}
