package dev.commitcollector.fetcher.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.commitcollector.fetcher.domain.Fetch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The fetches running in this process, each a subscription held until it ends. When the
 * application stops, after the HTTP server has stopped taking requests, running fetches
 * get a grace period to end; those still running are then cancelled and recorded as
 * FAILED with a reason, so none is left half-reported. What they published stays
 * published.
 */
@Component
public class RunningFetches implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RunningFetches.class);

	/**
	 * Stops after the web server's graceful shutdown (phase DEFAULT - 1024: no new
	 * request) and before the web server itself (DEFAULT - 2048); higher phases stop
	 * first.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

	/**
	 * How long the shutdown waits for each cancelled fetch's final state to be recorded.
	 */
	private static final Duration FINAL_WRITE_WAIT = Duration.ofSeconds(30);

	private final Map<UUID, Disposable> running = new ConcurrentHashMap<>();

	private final Fetches fetches;

	private final Clock clock;

	private final Duration grace;

	private volatile boolean accepting = true;

	@Autowired
	RunningFetches(Fetches fetches, Clock clock, FetchSettings settings) {
		this(fetches, clock, settings.shutdownGrace());
	}

	RunningFetches(Fetches fetches, Clock clock, Duration grace) {
		this.fetches = fetches;
		this.clock = clock;
		this.grace = grace;
	}

	/**
	 * Once subscribed, runs {@code run}, the whole of fetch {@code id}, in the background
	 * until it ends or the application stops; completes at once, or when the fetch is
	 * recorded as FAILED because the application is stopping.
	 */
	Mono<Void> start(UUID id, Mono<Fetch> run) {
		return Mono.defer(() -> {
			if (!accepting) {
				return fetches.end(id, f -> f.failed("the fetcher is stopping; start the fetch again", clock.instant()))
					.then();
			}
			running.put(id, Disposables.PENDING);
			Disposable subscription = run.doFinally(signal -> running.remove(id)).subscribe();
			running.computeIfPresent(id, (key, pending) -> subscription);
			return Mono.empty();
		});
	}

	/** How many fetches are running now. */
	int size() {
		return running.size();
	}

	@Override
	public void start() {
		accepting = true;
	}

	@Override
	public void stop() {
		accepting = false;
		Instant deadline = clock.instant().plus(grace);
		while (!running.isEmpty() && clock.instant().isBefore(deadline)) {
			sleep();
		}
		running.forEach((id, subscription) -> {
			subscription.dispose();
			running.remove(id);
			log.warn("fetch {} cancelled at shutdown after {} commits", id,
					fetches.find(id).map(Fetch::commitsDiscovered).orElse(0L));
			recordStopped(id);
		});
	}

	/**
	 * Ends the cancelled fetch as FAILED and waits until that is recorded: this thread is
	 * the shutdown's own, never an event loop.
	 */
	private void recordStopped(UUID id) {
		try {
			fetches.end(id,
					f -> f.failed(
							"the fetcher stopped before this fetch ended; what it published is kept, start it again",
							clock.instant()))
				.block(FINAL_WRITE_WAIT);
		}
		catch (RuntimeException ex) {
			log.error("fetch {} was cancelled at shutdown but could not be recorded so", id, ex);
		}
	}

	@Override
	public boolean isRunning() {
		return accepting;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private static void sleep() {
		try {
			TimeUnit.MILLISECONDS.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A placeholder until the subscription exists: a fetch can end before subscribe()
	 * returns.
	 */
	private static final class Disposables {

		static final Disposable PENDING = () -> {
		};

	}

}
