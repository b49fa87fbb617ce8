package dev.commitcollector.store.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The dead-letter topic: an event that cannot be stored goes there unchanged, with where
 * it came from (Spring's {@code kafka_dlt-original-*} headers) and why ({@value #REASON}
 * and {@code kafka_dlt-exception-message}). Each one is logged at WARN and counted.
 */
final class DeadLetters {

	static final String REASON = "dlt-reason";

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final DeadLetterPublishingRecoverer recoverer;

	private final Ingestion ingestion;

	private final String topic;

	DeadLetters(KafkaOperations<String, byte[]> kafka, Ingestion ingestion, String topic) {
		this.ingestion = ingestion;
		this.topic = topic;
		// a negative partition lets the producer choose
		this.recoverer = new DeadLetterPublishingRecoverer(kafka, (record, ex) -> new TopicPartition(topic, -1));
		this.recoverer.setHeadersFunction((record, ex) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(REASON, String.valueOf(ex.getMessage()).getBytes(StandardCharsets.UTF_8));
			return headers;
		});
	}

	/**
	 * Sends the letter and waits for the broker's acknowledgement; throws if it is not
	 * sent.
	 */
	void send(Letter letter) {
		ConsumerRecord<String, byte[]> record = letter.record();
		log.warn("event at {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(), topic,
				letter.reason());
		recoverer.accept(record, null, new Unstorable(letter.reason()));
		ingestion.deadLettered();
	}

	/** An event, and why it cannot be stored. */
	record Letter(ConsumerRecord<String, byte[]> record, String reason) {
	}

	/** Why an event went to the dead-letter topic. */
	static final class Unstorable extends RuntimeException {

		Unstorable(String reason) {
			super(reason, null, false, false);
		}

	}

}
