package dev.commitcollector.fetcher.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topic {@code CommitDiscovered} events go to, and how it is created when missing.
 */
@ConfigurationProperties("fetcher.topic")
record TopicSettings(@DefaultValue("commits.discovered") String name, @DefaultValue("6") int partitions,
		@DefaultValue("1") short replicas) {
}
