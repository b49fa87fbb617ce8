package dev.commitcollector.fetcher;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The share of fetches traced ({@code TRACING_SAMPLING_PROBABILITY}), checked at start:
 * the tracer refused one outside 0 to 1 with a stack trace.
 */
@ConfigurationProperties("management.tracing.sampling")
@Validated
record TracingSampling(@DefaultValue("1.0") @DecimalMin(value = "0.0", message = RANGE) @DecimalMax(value = "1.0",
		message = RANGE) double probability) {

	static final String RANGE = "TRACING_SAMPLING_PROBABILITY must be between 0 and 1 (the share of fetches traced)";

}
