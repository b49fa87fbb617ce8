package dev.commitcollector.fetcher.application;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many fetches (of different repositories) one instance runs at once, how many may
 * wait for their turn across all instances (a requested fetch waits until an instance
 * takes up its command), when a lost command is sent again, the longest wait between
 * tries to record a fetch's end while the database is away (tried until it is recorded),
 * and how long Kafka may take to accept a fetch's command before the request fails (a
 * broker away would otherwise hold the request for the producer's 60 to 120 s).
 */
@ConfigurationProperties("fetcher.fetches")
@Validated
public record FetchSettings(
		@DefaultValue("4") @Min(value = 1,
				message = "FETCH_MAX_CONCURRENT must be at least 1") int maxConcurrentFetches,
		@DefaultValue("1000") @Min(value = 1, message = "FETCH_MAX_QUEUED must be at least 1") int maxQueued,
		@DefaultValue("5m") @NotNull @DurationMin(seconds = 1,
				message = "FETCH_COMMAND_RESEND_AFTER must be at least 1s") Duration commandResendAfter,
		@DefaultValue("30s") @NotNull @DurationMin(millis = 1,
				message = "FETCH_FINAL_WRITE_MAX_BACKOFF must be positive") Duration finalWriteMaxBackoff,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 1,
				message = "FETCH_COMMAND_SEND_DEADLINE must be positive") Duration commandSendDeadline) {

	@ConstructorBinding
	public FetchSettings {
	}

	public FetchSettings(int maxConcurrentFetches) {
		this(maxConcurrentFetches, 1000);
	}

	public FetchSettings(int maxConcurrentFetches, int maxQueued) {
		this(maxConcurrentFetches, maxQueued, Duration.ofMinutes(5));
	}

	public FetchSettings(int maxConcurrentFetches, int maxQueued, Duration commandResendAfter) {
		this(maxConcurrentFetches, maxQueued, commandResendAfter, Duration.ofSeconds(30));
	}

	public FetchSettings(int maxConcurrentFetches, int maxQueued, Duration commandResendAfter,
			Duration finalWriteMaxBackoff) {
		this(maxConcurrentFetches, maxQueued, commandResendAfter, finalWriteMaxBackoff, Duration.ofSeconds(10));
	}

}
