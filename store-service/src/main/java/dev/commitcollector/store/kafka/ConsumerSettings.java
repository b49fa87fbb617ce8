package dev.commitcollector.store.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where events come from and where unreadable ones go; how long one batch write may take;
 * how the retry of a failed write backs off (forever: a database outage never skips an
 * event); after how long failing the same batch makes the store's readiness DOWN.
 */
@ConfigurationProperties("store.consumer")
record ConsumerSettings(@DefaultValue("commits.discovered") String topic, @DefaultValue("6") int partitions,
		@DefaultValue("commits.discovered.DLT") String deadLetterTopic, @DefaultValue("30s") Duration writeTimeout,
		@DefaultValue("500ms") Duration firstBackoff, @DefaultValue("30s") Duration maxBackoff,
		@DefaultValue("2m") Duration stallTimeout) {
}
