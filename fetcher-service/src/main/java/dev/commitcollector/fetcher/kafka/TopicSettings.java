package dev.commitcollector.fetcher.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topic {@code CommitDiscovered} events go to, and how it is created when missing.
 */
@ConfigurationProperties("fetcher.topic")
@Validated
record TopicSettings(
		@DefaultValue("commits.discovered") @NotBlank(message = "COMMITS_TOPIC must not be blank") String name,
		@DefaultValue("6") @Min(value = 1, message = "COMMITS_TOPIC_PARTITIONS must be at least 1") int partitions,
		@DefaultValue("1") @Min(value = 1, message = "COMMITS_TOPIC_REPLICAS must be at least 1") short replicas) {
}
