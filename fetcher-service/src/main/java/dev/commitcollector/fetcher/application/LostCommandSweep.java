package dev.commitcollector.fetcher.application;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every half minute, on a thread of its own, sends again the commands of fetches that
 * waited too long for theirs ({@link FetchCommits#resendLostCommands}). A failing sweep
 * is logged and the next one tries again.
 */
@Component
class LostCommandSweep implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LostCommandSweep.class);

	static final Duration PERIOD = Duration.ofSeconds(30);

	private static final Duration SWEEP_TIMEOUT = Duration.ofMinutes(1);

	private final FetchCommits fetchCommits;

	private ScheduledExecutorService sweeps;

	LostCommandSweep(FetchCommits fetchCommits) {
		this.fetchCommits = fetchCommits;
	}

	private void sweep() {
		try {
			fetchCommits.resendLostCommands().block(SWEEP_TIMEOUT);
		}
		catch (RuntimeException ex) {
			log.warn("looking for fetches whose command was lost failed; trying again in {}: {}", PERIOD,
					ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		sweeps = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "lost-command-sweeps");
			thread.setDaemon(true);
			return thread;
		});
		sweeps.scheduleWithFixedDelay(this::sweep, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (sweeps != null) {
			sweeps.shutdownNow();
			sweeps = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return sweeps != null;
	}

}
