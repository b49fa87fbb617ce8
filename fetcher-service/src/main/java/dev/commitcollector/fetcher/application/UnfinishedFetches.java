package dev.commitcollector.fetcher.application;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start, before the fetcher takes requests or runs watches: ends as FAILED, saying
 * why, the fetches a previous run of this fetcher left QUEUED or RUNNING when it died (a
 * SIGKILL gives it no chance to). Without this they would show as running forever and
 * their watches would skip every turn. What they published stays published; a new fetch
 * completes the set. The fetcher runs as one instance, so nothing else can be running
 * them (resuming them on another instance is issue 9's command path).
 */
@Component
class UnfinishedFetches implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UnfinishedFetches.class);

	static final String REASON = "the fetcher stopped before this fetch ended; what it published is kept,"
			+ " start it again";

	private final FetchRecords records;

	private final Clock clock;

	private volatile boolean running;

	UnfinishedFetches(FetchRecords records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	@Override
	public void start() {
		running = true;
		try {
			Long abandoned = records.abandonUnfinished(REASON, clock.instant()).block(Duration.ofSeconds(30));
			if (abandoned != null && abandoned > 0) {
				log.warn("{} fetch(es) left unfinished by a fetcher that stopped are now FAILED", abandoned);
			}
		}
		catch (RuntimeException ex) {
			log.warn("could not end the fetches a stopped fetcher left unfinished: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Before the web server and the watch scheduler start (lower phases start first). */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

}
