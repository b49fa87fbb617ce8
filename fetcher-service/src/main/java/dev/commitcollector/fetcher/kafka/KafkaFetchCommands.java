package dev.commitcollector.fetcher.kafka;

import dev.commitcollector.fetcher.application.FetchCommands;
import dev.commitcollector.fetcher.domain.Fetch;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each requested fetch as a {@code FetchRequested} command, keyed by its
 * repository, and completes once the broker has acknowledged it ({@code acks=all}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaFetchCommands implements FetchCommands {

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final CommandSettings topic;

	KafkaFetchCommands(KafkaTemplate<String, String> kafka, JsonMapper json, CommandSettings topic) {
		this.kafka = kafka;
		this.json = json;
		this.topic = topic;
	}

	@Bean
	NewTopic fetchCommandsTopic() {
		return TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(topic.replicas()).build();
	}

	@Bean
	NewTopic fetchCommandsDeadLetterTopic() {
		return TopicBuilder.name(topic.deadLetterTopic()).partitions(1).replicas(topic.replicas()).build();
	}

	@Override
	public Mono<Void> send(Fetch fetch) {
		FetchRequested command = FetchRequested.of(fetch);
		// send() may block while it waits for metadata: keep it off the event loops
		return InObservation.call(() -> kafka.send(topic.name(), command.key(), json.writeValueAsString(command)))
			.flatMap(Mono::fromFuture)
			.then();
	}

}
