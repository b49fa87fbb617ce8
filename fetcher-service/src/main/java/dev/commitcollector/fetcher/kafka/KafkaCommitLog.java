package dev.commitcollector.fetcher.kafka;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.commitcollector.fetcher.application.CommitLog;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends a page of commits as {@code CommitDiscovered} events and completes once the
 * broker has acknowledged every one of them ({@code acks=all}, idempotent producer).
 */
@Configuration(proxyBeanMethods = false)
class KafkaCommitLog implements CommitLog {

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final TopicSettings topic;

	private final Clock clock;

	KafkaCommitLog(KafkaTemplate<String, String> kafka, JsonMapper json, TopicSettings topic, Clock clock) {
		this.kafka = kafka;
		this.json = json;
		this.topic = topic;
		this.clock = clock;
	}

	@Bean
	NewTopic commitsDiscoveredTopic() {
		return TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(topic.replicas()).build();
	}

	@Override
	public Mono<Void> append(Fetch fetch, List<DiscoveredCommit> commits) {
		if (commits.isEmpty()) {
			return Mono.empty();
		}
		// send() may block while it waits for metadata: keep it off the HTTP client's
		// event loop
		return InObservation.call(() -> sendAll(fetch, commits)).flatMap(Mono::fromFuture);
	}

	private CompletableFuture<Void> sendAll(Fetch fetch, List<DiscoveredCommit> commits) {
		var now = clock.instant();
		CompletableFuture<?>[] sent = commits.stream().map(commit -> {
			CommitDiscovered event = CommitDiscovered.of(fetch, commit, now);
			return kafka.send(topic.name(), event.key(), json.writeValueAsString(event));
		}).toArray(CompletableFuture[]::new);
		return CompletableFuture.allOf(sent);
	}

}
