package dev.commitcollector.fetcher.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topic {@code FetchRequested} commands go to (keyed by repository: its partitions
 * bound how many instances share the fetching), how it is created when missing, and where
 * a command that cannot be read goes.
 */
@ConfigurationProperties("fetcher.commands")
@Validated
record CommandSettings(
		@DefaultValue("fetches.requested") @NotBlank(message = "FETCH_COMMANDS_TOPIC must not be blank") String name,
		@DefaultValue("12") @Min(value = 1,
				message = "FETCH_COMMANDS_TOPIC_PARTITIONS must be at least 1") int partitions,
		@DefaultValue("1") @Min(value = 1, message = "FETCH_COMMANDS_TOPIC_REPLICAS must be at least 1") short replicas,
		@DefaultValue("fetches.requested.DLT") @NotBlank(
				message = "FETCH_COMMANDS_DLT must not be blank") String deadLetterTopic) {
}
