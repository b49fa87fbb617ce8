package dev.commitcollector.fetcher.forge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a forge request is retried: server errors and timeouts {@code maxRetries} times
 * with exponential backoff; a rate limit by waiting as the forge says, when that is at
 * most {@code maxRateLimitWait}, or {@code defaultRateLimitWait} when the forge does not
 * say (a bare 429: GitHub asks for at least a minute).
 */
@ConfigurationProperties("fetcher.retry")
public record RetrySettings(@DefaultValue("3") int maxRetries, @DefaultValue("500ms") Duration firstBackoff,
		@DefaultValue("10s") Duration maxBackoff, @DefaultValue("15m") Duration maxRateLimitWait,
		@DefaultValue("60s") Duration defaultRateLimitWait) {

	static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

	@ConstructorBinding
	public RetrySettings {
	}

	/** The settings with the default wait for a rate limit that gives no end. */
	public RetrySettings(int maxRetries, Duration firstBackoff, Duration maxBackoff, Duration maxRateLimitWait) {
		this(maxRetries, firstBackoff, maxBackoff, maxRateLimitWait, DEFAULT_RATE_LIMIT_WAIT);
	}

}
