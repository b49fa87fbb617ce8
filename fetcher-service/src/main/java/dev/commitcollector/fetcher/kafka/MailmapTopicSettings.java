package dev.commitcollector.fetcher.kafka;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topic {@code MailmapDiscovered} events go to. It is created compacted, with the
 * partitions and replicas of the commits topic ({@link TopicSettings}).
 */
@ConfigurationProperties("fetcher.mailmaps")
@Validated
record MailmapTopicSettings(
		@DefaultValue("mailmaps.discovered") @NotBlank(message = "MAILMAPS_TOPIC must not be blank") String name) {
}
