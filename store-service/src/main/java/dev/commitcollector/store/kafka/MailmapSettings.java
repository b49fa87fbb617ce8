package dev.commitcollector.store.kafka;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where MailmapDiscovered events come from, and where unreadable ones go. */
@ConfigurationProperties("store.mailmaps")
@Validated
record MailmapSettings(
		@DefaultValue("mailmaps.discovered") @NotBlank(message = "MAILMAPS_TOPIC must not be blank") String topic,
		@DefaultValue("mailmaps.discovered.DLT") @NotBlank(
				message = "MAILMAPS_DLT must not be blank") String deadLetterTopic) {
}
