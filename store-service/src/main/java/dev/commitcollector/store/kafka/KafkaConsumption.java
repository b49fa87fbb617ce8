package dev.commitcollector.store.kafka;

import dev.commitcollector.store.application.Commits;
import dev.commitcollector.store.application.StoreCommits;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer's wiring: decoder, dead letters, and an error handler that never skips a
 * batch.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumption {

	@Bean
	EventDecoder eventDecoder(JsonMapper json) {
		return new EventDecoder(json);
	}

	/**
	 * Declared here too, so the consumer never subscribes before the topic exists (the
	 * fetcher may start later).
	 */
	@Bean
	NewTopic commitsDiscoveredTopic(ConsumerSettings settings) {
		return TopicBuilder.name(settings.topic())
			.partitions(settings.partitions())
			.replicas(settings.replicas())
			.build();
	}

	@Bean
	NewTopic deadLetterTopic(ConsumerSettings settings) {
		return TopicBuilder.name(settings.deadLetterTopic()).partitions(1).replicas(settings.replicas()).build();
	}

	@Bean
	MailmapDecoder mailmapDecoder(JsonMapper json) {
		return new MailmapDecoder(json);
	}

	/**
	 * Compacted, as the fetcher declares it: whichever starts first creates it, and the
	 * topic keeps each repository's latest mailmap.
	 */
	@Bean
	NewTopic mailmapsDiscoveredTopic(MailmapSettings mailmaps, ConsumerSettings settings) {
		return TopicBuilder.name(mailmaps.topic())
			.partitions(settings.partitions())
			.replicas(settings.replicas())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

	@Bean
	NewTopic mailmapDeadLetterTopic(MailmapSettings mailmaps, ConsumerSettings settings) {
		return TopicBuilder.name(mailmaps.deadLetterTopic()).partitions(1).replicas(settings.replicas()).build();
	}

	@Bean
	DeadLetters deadLetters(KafkaOperations<String, byte[]> kafka, Ingestion ingestion, ConsumerSettings settings) {
		return new DeadLetters(kafka, ingestion, settings.deadLetterTopic());
	}

	@Bean
	StoreCommits storeCommits(Commits commits) {
		return new StoreCommits(commits);
	}

	/**
	 * A write that fails (the database is down, say) is retried with exponential backoff
	 * and no limit: the batch is never recovered past, so no event is skipped. While it
	 * waits the container pauses the consumer and keeps polling, so the group does not
	 * evict it.
	 */
	@Bean
	DefaultErrorHandler storeErrorHandler(ConsumerSettings settings) {
		ExponentialBackOff backOff = new ExponentialBackOff(settings.firstBackoff().toMillis(), 2.0);
		backOff.setMaxInterval(settings.maxBackoff().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			throw new IllegalStateException("a batch must never be skipped", ex);
		}, backOff);
		handler.setAckAfterHandle(false);
		return handler;
	}

}
