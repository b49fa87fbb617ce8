package dev.commitcollector.fetcher.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How many commits a fetch reads when not told, and the most it may be told to read. */
@ConfigurationProperties("fetcher.limit")
@Validated
record FetchLimits(
		@DefaultValue("1000") @Min(value = 1, message = "FETCH_DEFAULT_LIMIT must be at least 1") int defaultLimit,
		@DefaultValue("100000") @Min(value = 1, message = "FETCH_MAX_LIMIT must be at least 1") int maximum) {

	@AssertTrue(message = "FETCH_DEFAULT_LIMIT must not be above FETCH_MAX_LIMIT")
	boolean isDefaultWithinMaximum() {
		return defaultLimit <= maximum;
	}

}
