package dev.commitcollector.fetcher.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.commitcollector.fetcher.application.MailmapLog;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.Mailmap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a fetch's mailmap as a {@code MailmapDiscovered} event on a compacted topic,
 * keyed by repository, and completes once the broker has acknowledged it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaMailmapLog implements MailmapLog {

	/**
	 * The most bytes of an event's value: under the producer's default
	 * {@code max.request.size} of 1 MiB. 256 KiB of text can outgrow it only when nearly
	 * all of it is control characters, each written as {@code \\u00XX}; such a file is
	 * passed on as too large.
	 */
	static final int MAX_EVENT_BYTES = 900 * 1024;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final MailmapTopicSettings topic;

	private final TopicSettings commits;

	KafkaMailmapLog(KafkaTemplate<String, String> kafka, JsonMapper json, MailmapTopicSettings topic,
			TopicSettings commits) {
		this.kafka = kafka;
		this.json = json;
		this.topic = topic;
		this.commits = commits;
	}

	@Bean
	NewTopic mailmapsDiscoveredTopic() {
		return TopicBuilder.name(topic.name())
			.partitions(commits.partitions())
			.replicas(commits.replicas())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

	@Override
	public Mono<Void> publish(Fetch fetch, String head, Mailmap mailmap, Instant headAsked) {
		MailmapDiscovered event = MailmapDiscovered.of(fetch, head, mailmap, headAsked);
		// send() may block while it waits for metadata: keep it off the event loops
		return InObservation.call(() -> kafka.send(topic.name(), event.key(), value(json, event)))
			.flatMap(Mono::fromFuture)
			.then();
	}

	/** The event as JSON; as too large when that outgrows {@link #MAX_EVENT_BYTES}. */
	static String value(JsonMapper json, MailmapDiscovered event) {
		String value = json.writeValueAsString(event);
		return value.getBytes(StandardCharsets.UTF_8).length <= MAX_EVENT_BYTES ? value
				: json.writeValueAsString(event.asTooLarge());
	}

}
