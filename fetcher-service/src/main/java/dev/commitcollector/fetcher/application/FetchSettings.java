package dev.commitcollector.fetcher.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many fetches (of different repositories) run at once, and how many more may wait
 * their turn; how long a stopping fetcher lets running fetches go on before it cancels
 * them.
 */
@ConfigurationProperties("fetcher.fetches")
public record FetchSettings(@DefaultValue("4") int maxConcurrentFetches, @DefaultValue("1000") int maxQueued,
		@DefaultValue("20s") Duration shutdownGrace) {

	@ConstructorBinding
	public FetchSettings {
		if (maxConcurrentFetches < 1 || maxQueued < 0) {
			throw new IllegalArgumentException(
					"FETCH_MAX_CONCURRENT must be at least 1 and FETCH_MAX_QUEUED at least 0");
		}
	}

	public FetchSettings(int maxConcurrentFetches) {
		this(maxConcurrentFetches, 1000, Duration.ofSeconds(20));
	}

}
