package dev.commitcollector.store.kafka;

import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.store.application.Commits;
import dev.commitcollector.store.domain.CommitRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Stores each polled batch of events with one database statement and returns only when it has
 * committed; the container commits the offsets after that. A failed write throws, and the container
 * retries the same batch with backoff, without end. Events that cannot be read go to the dead-letter
 * topic after the batch is stored, and the consumer goes on.
 */
@Component
class CommitDiscoveredListener {

	private static final Logger log = LoggerFactory.getLogger(CommitDiscoveredListener.class);

	private final EventDecoder decoder;

	private final Commits commits;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final ConsumerSettings settings;

	CommitDiscoveredListener(EventDecoder decoder, Commits commits, DeadLetterPublishingRecoverer deadLetters,
			ConsumerSettings settings) {
		this.decoder = decoder;
		this.commits = commits;
		this.deadLetters = deadLetters;
		this.settings = settings;
	}

	@KafkaListener(id = "commit-store", groupId = "${spring.kafka.consumer.group-id:store-service}",
			topics = "${store.consumer.topic:commits.discovered}", batch = "true")
	void onEvents(List<ConsumerRecord<String, byte[]>> records) {
		List<CommitRecord> batch = new ArrayList<>(records.size());
		List<Rejected> rejected = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				batch.add(decoder.decode(record.value()));
			}
			catch (EventDecoder.InvalidEvent ex) {
				rejected.add(new Rejected(record, ex));
			}
		}
		Long stored = commits.store(batch).block(settings.writeTimeout());
		log.debug("stored {} new of {} events", stored, records.size());
		for (Rejected bad : rejected) {
			log.warn("event at {}-{}@{} sent to {}: {}", bad.record().topic(), bad.record().partition(),
					bad.record().offset(), settings.deadLetterTopic(), bad.reason().getMessage());
			deadLetters.accept(bad.record(), null, bad.reason());
		}
	}

	private record Rejected(ConsumerRecord<String, byte[]> record, EventDecoder.InvalidEvent reason) {
	}

}
