package dev.commitcollector.fetcher.application;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shortest interval a watch may ask for, how often each instance looks for due
 * watches, and how many watches the fetcher keeps at most (each one's turns spend the
 * forge's rate limit).
 */
@ConfigurationProperties("fetcher.watches")
@Validated
public record WatchSettings(
		@DefaultValue("PT5M") @NotNull @DurationMin(seconds = 1,
				message = "WATCH_MIN_INTERVAL must be at least 1s") Duration minInterval,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 10,
				message = "WATCH_TICK must be at least 10ms") Duration tick,
		@DefaultValue("10000") @Min(value = 1, message = "WATCH_MAX must be at least 1") int max) {

}
