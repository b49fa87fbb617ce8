package dev.commitcollector.fetcher.forge.http;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a forge request is retried: server errors and timeouts {@code maxRetries} times
 * with exponential backoff; a rate limit by waiting as the forge says, when that is at
 * most {@code maxRateLimitWait}, or {@code defaultRateLimitWait} when the forge does not
 * say (a bare 429: GitHub asks for at least a minute), doubled each time it comes back.
 * Each attempt must have its whole answer within {@code requestDeadline}, else it counts
 * as the forge being unavailable: a forge trickling its answer never holds a request (and
 * the provider's request permit) for longer.
 */
@ConfigurationProperties("fetcher.retry")
@Validated
public record RetrySettings(
		@DefaultValue("3") @PositiveOrZero(message = "FORGE_MAX_RETRIES must be 0 or more") int maxRetries,
		@DefaultValue("500ms") @NotNull @DurationMin(millis = 1,
				message = "FORGE_FIRST_BACKOFF must be positive") Duration firstBackoff,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 1,
				message = "FORGE_MAX_BACKOFF must be positive") Duration maxBackoff,
		@DefaultValue("15m") @NotNull @DurationMin(millis = 0,
				message = "FORGE_MAX_RATE_LIMIT_WAIT must not be negative") Duration maxRateLimitWait,
		@DefaultValue("60s") @NotNull @DurationMin(seconds = 1,
				message = "FORGE_DEFAULT_RATE_LIMIT_WAIT must be at least 1s") Duration defaultRateLimitWait,
		@DefaultValue("2m") @NotNull @DurationMin(millis = 1,
				message = "FORGE_REQUEST_DEADLINE must be positive") Duration requestDeadline) {

	@ConstructorBinding
	public RetrySettings {
	}

	/** With the default deadline of a request, two minutes. */
	public RetrySettings(int maxRetries, Duration firstBackoff, Duration maxBackoff, Duration maxRateLimitWait,
			Duration defaultRateLimitWait) {
		this(maxRetries, firstBackoff, maxBackoff, maxRateLimitWait, defaultRateLimitWait, Duration.ofMinutes(2));
	}

}
