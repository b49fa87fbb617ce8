package dev.commitcollector.fetcher.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shortest interval a watch may ask for, and how often each instance looks for due
 * watches.
 */
@ConfigurationProperties("fetcher.watches")
public record WatchSettings(@DefaultValue("PT5M") Duration minInterval, @DefaultValue("5s") Duration tick) {

	@ConstructorBinding
	public WatchSettings {
		if (minInterval.compareTo(Duration.ofSeconds(1)) < 0 || tick.compareTo(Duration.ofMillis(10)) < 0) {
			throw new IllegalArgumentException("WATCH_MIN_INTERVAL must be at least 1s and WATCH_TICK at least 10ms");
		}
	}

}
