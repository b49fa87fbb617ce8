package dev.commitcollector.fetcher.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topic {@code FetchRequested} commands go to (keyed by repository: its partitions
 * bound how many instances share the fetching), how it is created when missing, where a
 * command that cannot be read goes, and how long the group waits for an instance that
 * went silent before its repositories go to the others; the instances' consumer group
 * (given to Spring's Kafka settings in application.yml once checked here: Kafka refused a
 * blank one with a stack trace).
 */
@ConfigurationProperties("fetcher.commands")
@Validated
record CommandSettings(
		@DefaultValue("fetches.requested") @NotBlank(message = "FETCH_COMMANDS_TOPIC must not be blank") String name,
		@DefaultValue("12") @Min(value = 1,
				message = "FETCH_COMMANDS_TOPIC_PARTITIONS must be at least 1") int partitions,
		@DefaultValue("1") @Min(value = 1, message = "FETCH_COMMANDS_TOPIC_REPLICAS must be at least 1") short replicas,
		@DefaultValue("fetches.requested.DLT") @NotBlank(
				message = "FETCH_COMMANDS_DLT must not be blank") String deadLetterTopic,
		@DefaultValue("15000") @Min(value = 6000, message = SESSION_TIMEOUT_RANGE) @Max(value = 1800000,
				message = SESSION_TIMEOUT_RANGE) int sessionTimeoutMs,
		@DefaultValue("fetcher") @NotBlank(message = "FETCHER_CONSUMER_GROUP must not be blank") String group) {

	/**
	 * Kafka's brokers refuse a consumer group's session timeout outside
	 * {@code group.min.session.timeout.ms} to {@code group.max.session.timeout.ms}: the
	 * consumer would start, never join its group and log the refusal without end.
	 */
	static final String SESSION_TIMEOUT_RANGE = "FETCHER_SESSION_TIMEOUT_MS must be between 6000 and 1800000 (the "
			+ "range Kafka's brokers allow by default, group.min/max.session.timeout.ms)";

}
