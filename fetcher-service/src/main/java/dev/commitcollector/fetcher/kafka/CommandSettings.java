package dev.commitcollector.fetcher.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topic {@code FetchRequested} commands go to (keyed by repository: its partitions
 * bound how many instances share the fetching), how it is created when missing, and where
 * a command that cannot be read goes.
 */
@ConfigurationProperties("fetcher.commands")
record CommandSettings(@DefaultValue("fetches.requested") String name, @DefaultValue("12") int partitions,
		@DefaultValue("1") short replicas, @DefaultValue("fetches.requested.DLT") String deadLetterTopic) {
}
