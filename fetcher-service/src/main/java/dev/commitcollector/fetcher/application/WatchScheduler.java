package dev.commitcollector.fetcher.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.Watch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs due watches: every tick, on a thread of its own, it claims each due watch (at most
 * one instance gets a turn, see {@link Watches#claim}) and, in a trace of the turn's own
 * ({@link FetchTraces#turn}), requests an incremental fetch of its repository through the
 * command path ({@link FetchCommits#start}), unless the repository has a fetch that still
 * waits or runs: then the watch skips that turn. A turn that fails is logged and taken
 * again once its lease runs out ({@link #TURN_LEASE}); nothing stops the ticks but the
 * application stopping.
 */
@Component
public class WatchScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WatchScheduler.class);

	/** Due watches one tick takes on; the rest wait for the next tick. */
	static final int PER_TICK = 100;

	/** How long one tick may take before it is given up (and the next one starts). */
	private static final Duration TICK_TIMEOUT = Duration.ofMinutes(1);

	private static final Duration FAILURE_SAID_EVERY = Duration.ofMinutes(1);

	/**
	 * How long a claimed turn is this instance's: longer than a tick may take, so that a
	 * turn still being taken is not taken twice.
	 */
	static final Duration TURN_LEASE = TICK_TIMEOUT.multipliedBy(2);

	private final Watches watches;

	private final Fetches fetches;

	private final FetchCommits fetchCommits;

	private final FetchTraces traces;

	private final Clock clock;

	private final Duration tick;

	private final DoubleSupplier jitter;

	/** Ticks failed in a row; touched by the one ticking thread only. */
	private long failedTicks;

	private Instant lastFailureSaid = Instant.MIN;

	private ScheduledExecutorService ticks;

	@Autowired
	WatchScheduler(Watches watches, Fetches fetches, FetchCommits fetchCommits, FetchTraces traces, Clock clock,
			WatchSettings settings) {
		this(watches, fetches, fetchCommits, traces, clock, settings.tick(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	WatchScheduler(Watches watches, Fetches fetches, FetchCommits fetchCommits, FetchTraces traces, Clock clock,
			Duration tick, DoubleSupplier jitter) {
		this.watches = watches;
		this.fetches = fetches;
		this.fetchCommits = fetchCommits;
		this.traces = traces;
		this.clock = clock;
		this.tick = tick;
		this.jitter = jitter;
	}

	/** One tick: takes the turn of each due watch this instance can claim. */
	Mono<Void> tick() {
		return Mono.defer(() -> watches.due(clock.instant(), PER_TICK))
			.flatMapMany(Flux::fromIterable)
			.concatMap(watch -> turn(watch).onErrorResume(error -> {
				log.warn("watch {} ({}): its turn failed; it is taken again in {}: {}", watch.id(), watch.target(),
						TURN_LEASE, error.toString());
				return Mono.empty();
			}))
			.then();
	}

	/**
	 * Claims the watch's turn for {@link #TURN_LEASE}, takes it, and only then moves its
	 * next run an interval on: a turn that fails (Kafka or PostgreSQL away, the queue
	 * full) or whose instance stops half-way is taken again once the lease runs out, not
	 * an interval later.
	 */
	private Mono<Void> turn(Watch due) {
		return Mono.defer(() -> {
			var now = clock.instant();
			Instant lease = now.plus(TURN_LEASE).truncatedTo(ChronoUnit.MILLIS);
			double fraction = jitter.getAsDouble();
			return watches.claim(due, now, lease)
				.flatMap(claimed -> claimed.map(watch -> traces.turn(watch, run(watch, now, lease, fraction)))
					.orElse(Mono.empty()));
		});
	}

	private Mono<Void> run(Watch watch, Instant now, Instant lease, double fraction) {
		return busy(watch).flatMap(busy -> {
			if (busy) {
				return skip(watch, now, lease, fraction);
			}
			return failedTurns(watch).flatMap(
					failed -> Mono
						.defer(() -> fetchCommits.start(watch.provider(), watch.repository(), watch.limit(),
								FetchMode.INCREMENTAL))
						.flatMap(fetch -> {
							Instant next = watch.nextRunAfter(now, fraction, failed);
							if (failed > 0) {
								log.warn(
										"watch {} ({}): started fetch {}; its last fetch {} FAILED, {} turn(s) in a row, "
												+ "so the next turn waits until {}",
										watch.id(), watch.target(), fetch.id(), watch.lastFetch(), failed, next);
							}
							else {
								log.info("watch {} ({}): started fetch {}", watch.id(), watch.target(), fetch.id());
							}
							return watches.started(watch.id(), lease, fetch.id(), next, failed);
						})
						.onErrorResume(FetchCommits.UnderWay.class, underWay -> skip(watch, now, lease, fraction)));
		});
	}

	private Mono<Void> skip(Watch watch, Instant now, Instant lease, double fraction) {
		log.info("watch {} ({}): its repository's fetch still waits or runs; skipping this turn", watch.id(),
				watch.target());
		return watches.skipped(watch.id(), lease, watch.nextRunAfter(now, fraction, watch.failedTurns()));
	}

	/**
	 * The watch's failed turns in a row, this one's included when the fetch it started
	 * last FAILED; none once one did not. A fetch of which no record is left counts as
	 * not failed.
	 */
	private Mono<Integer> failedTurns(Watch watch) {
		if (watch.lastFetch() == null) {
			return Mono.just(0);
		}
		return fetches.lookup(watch.lastFetch())
			.map(last -> last.filter(fetch -> fetch.status() == FetchStatus.FAILED).isPresent()
					? watch.failedTurns() + 1 : 0);
	}

	/**
	 * Whether the repository has a fetch waiting or running, on any instance: the watch
	 * skips its turn then.
	 */
	private Mono<Boolean> busy(Watch watch) {
		return Mono.defer(() -> fetches.active(watch.target())).map(Optional::isPresent);
	}

	@Override
	public synchronized void start() {
		ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "watch-ticks");
			thread.setDaemon(true);
			return thread;
		});
		ticks.scheduleWithFixedDelay(this::tickSafely, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Blocks its own thread, never an event loop; never lets an error end the ticks. An
	 * outage is said when it begins, once a minute while it lasts (with how many ticks
	 * failed meanwhile) and when it ends: not on every tick.
	 */
	private void tickSafely() {
		try {
			tick().block(TICK_TIMEOUT);
			if (failedTicks > 0) {
				log.info("looking for due watches works again, after {} failed tick(s)", failedTicks);
				failedTicks = 0;
			}
		}
		catch (RuntimeException ex) {
			failedTicks++;
			Instant now = clock.instant();
			if (failedTicks == 1 || !now.isBefore(lastFailureSaid.plus(FAILURE_SAID_EVERY))) {
				lastFailureSaid = now;
				log.warn("looking for due watches failed ({} tick(s) in a row); trying again every {}: {}", failedTicks,
						tick, ex.toString());
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (ticks != null) {
			ticks.shutdownNow();
			ticks = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return ticks != null;
	}

	/** Stops with the web server's graceful shutdown: no new fetch is requested then. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

}
