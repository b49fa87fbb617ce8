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

	private final TopicSetup topics;

	KafkaFetchCommands(KafkaTemplate<String, String> kafka, JsonMapper json, CommandSettings topic, TopicSetup topics) {
		this.kafka = kafka;
		this.json = json;
		this.topic = topic;
		this.topics = topics;
	}

	@Bean
	NewTopic fetchCommandsTopic() {
		return TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(topic.replicas()).build();
	}

	@Bean
	NewTopic fetchCommandsDeadLetterTopic() {
		return TopicBuilder.name(topic.deadLetterTopic()).partitions(1).replicas(topic.replicas()).build();
	}

	/**
	 * Refused while the topics are not set up (Kafka was away at start): a broker that
	 * creates a topic on first use would create the commands' with its own default
	 * partitions.
	 */
	@Override
	public Mono<Void> send(Fetch fetch) {
		String failure = topics.failure();
		if (failure != null) {
			return Mono.error(new TopicsNotSetUp(failure));
		}
		FetchRequested command = FetchRequested.of(fetch);
		// send() may block while it waits for metadata: keep it off the event loops
		return InObservation.call(() -> kafka.send(topic.name(), command.key(), json.writeValueAsString(command)))
			.flatMap(Mono::fromFuture)
			.then();
	}

	/** Kafka's topics are not there yet; the command is not sent. */
	static final class TopicsNotSetUp extends RuntimeException {

		TopicsNotSetUp(String failure) {
			super("Kafka's topics are not set up yet: " + failure, null, false, false);
		}

	}

}
