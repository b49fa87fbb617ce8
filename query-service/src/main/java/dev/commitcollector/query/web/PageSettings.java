package dev.commitcollector.query.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Authors per page when not asked, and the most a client may ask for. */
@ConfigurationProperties("query.authors")
@Validated
record PageSettings(
		@DefaultValue("50") @Min(value = 1, message = "QUERY_AUTHORS_PAGE_SIZE must be at least 1") int defaultSize,
		@DefaultValue("500") @Min(value = 1, message = "QUERY_AUTHORS_MAX_PAGE_SIZE must be at least 1") int maxSize) {

	@AssertTrue(message = "QUERY_AUTHORS_PAGE_SIZE must not be above QUERY_AUTHORS_MAX_PAGE_SIZE")
	boolean isDefaultWithinMaximum() {
		return defaultSize <= maxSize;
	}

}
