package dev.commitcollector.fetcher.forge.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
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

}
