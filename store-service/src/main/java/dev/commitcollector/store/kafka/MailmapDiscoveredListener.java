package dev.commitcollector.store.kafka;

import java.util.List;

import dev.commitcollector.store.application.Commits;
import dev.commitcollector.store.application.Mailmaps;
import dev.commitcollector.store.domain.MailmapRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * Keeps each repository's latest mailmap: one event, one statement, and the listener
 * returns only once the database has committed, so the offset follows the row. An event
 * that cannot be read, or that the database refuses for its data, goes to the mailmap
 * dead-letter topic and the consumer goes on; any other failure is retried with the
 * store's backoff, without end, and watched by {@link Ingestion}.
 */
@Component
class MailmapDiscoveredListener {

	private static final Logger log = LoggerFactory.getLogger(MailmapDiscoveredListener.class);

	private final MailmapDecoder decoder;

	private final Mailmaps mailmaps;

	private final DeadLetters deadLetters;

	private final Ingestion ingestion;

	private final ConsumerSettings settings;

	MailmapDiscoveredListener(MailmapDecoder decoder, Mailmaps mailmaps, KafkaOperations<String, byte[]> kafka,
			Ingestion ingestion, ConsumerSettings settings, MailmapSettings mailmapSettings) {
		this.decoder = decoder;
		this.mailmaps = mailmaps;
		this.deadLetters = new DeadLetters(kafka, ingestion, mailmapSettings.deadLetterTopic());
		this.ingestion = ingestion;
		this.settings = settings;
	}

	@KafkaListener(id = "mailmap-store", groupId = "${spring.kafka.consumer.group-id:store-service}",
			topics = "${store.mailmaps.topic:mailmaps.discovered}", concurrency = "1")
	void onEvent(ConsumerRecord<String, byte[]> record) {
		MailmapRecord mailmap;
		try {
			mailmap = decoder.decode(record.value());
		}
		catch (EventDecoder.InvalidEvent ex) {
			deadLetters.send(new DeadLetters.Letter(record, ex.getMessage()));
			return;
		}
		String where = PolledRecords.where(List.of(record));
		try {
			boolean replaced = Boolean.TRUE.equals(mailmaps.replace(mailmap).block(settings.writeTimeout()));
			log.info("{} mailmap of {}:{} ({} entries, discovered {}) at {}", replaced ? "stored" : "kept the newer",
					mailmap.provider(), mailmap.repository(), mailmap.mailmap().entries().size(),
					mailmap.discoveredAt(), where);
			ingestion.caughtUp();
		}
		catch (Commits.Unstorable ex) {
			deadLetters.send(new DeadLetters.Letter(record, "the database refused the mailmap: " + ex.getMessage()));
		}
		catch (RuntimeException ex) {
			log.warn("storing the mailmap at {} failed; retrying with backoff: {}", where, ex.toString());
			ingestion.failed(where, PolledRecords.partitions(List.of(record)), String.valueOf(ex.getMessage()));
			throw ex;
		}
	}

}
