package dev.commitcollector.fetcher.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many fetches (of different repositories) one instance runs at once, and how many
 * may wait for their turn across all instances (a requested fetch waits until an instance
 * takes up its command).
 */
@ConfigurationProperties("fetcher.fetches")
public record FetchSettings(@DefaultValue("4") int maxConcurrentFetches, @DefaultValue("1000") int maxQueued) {

	@ConstructorBinding
	public FetchSettings {
		if (maxConcurrentFetches < 1 || maxQueued < 1) {
			throw new IllegalArgumentException("FETCH_MAX_CONCURRENT and FETCH_MAX_QUEUED must be at least 1, were "
					+ maxConcurrentFetches + " and " + maxQueued);
		}
	}

	public FetchSettings(int maxConcurrentFetches) {
		this(maxConcurrentFetches, 1000);
	}

}
