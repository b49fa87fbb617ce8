package dev.commitcollector.store.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.SendResult;

/**
 * The dead-letter topic: an event that cannot be stored goes there unchanged, with where
 * it came from (Spring's {@code kafka_dlt-original-*} headers) and why ({@value #REASON}
 * and {@code kafka_dlt-exception-message}). Each one is logged at WARN and counted.
 */
final class DeadLetters {

	static final String REASON = "dlt-reason";

	/** The size of an event's value, on a letter that carries it cut. */
	static final String VALUE_BYTES = "dlt-value-bytes";

	/** The size of an event's headers, on a letter cut (which drops them past 64 KiB). */
	static final String HEADER_BYTES = "dlt-header-bytes";

	static final int CUT_BYTES = 64 * 1024;

	/** For the headers Spring adds beside the reason: where the event was, and when. */
	private static final int HEADROOM_BYTES = 4 * 1024;

	/** Kafka's {@code max.request.size} unless the producer is given another. */
	private static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final DeadLetterPublishingRecoverer recoverer;

	private final Ingestion ingestion;

	private final String topic;

	private final long maxRequestBytes;

	DeadLetters(KafkaOperations<String, byte[]> kafka, Ingestion ingestion, String topic) {
		this.ingestion = ingestion;
		this.topic = topic;
		ingestion.deadLettersGoTo(topic);
		Object configured = kafka.getProducerFactory()
			.getConfigurationProperties()
			.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
		this.maxRequestBytes = configured == null ? DEFAULT_MAX_REQUEST_BYTES : Long.parseLong(configured.toString());
		// a negative partition lets the producer choose
		this.recoverer = new Pipelined(kafka, (record, ex) -> new TopicPartition(topic, -1));
		this.recoverer.setHeadersFunction((record, ex) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(REASON, String.valueOf(ex.getMessage()).getBytes(StandardCharsets.UTF_8));
			return headers;
		});
	}

	/**
	 * Sends every letter, then waits for the broker's acknowledgements of them all;
	 * throws if one is not sent. The letters of a poll (up to thousands of unreadable
	 * events) go out together, as the producer batches them, not one round trip each:
	 * waited for one at a time, a poll of them took longer than the consumer may take
	 * between polls, and its partitions were given to another consumer to start over,
	 * without end.
	 */
	void sendAll(List<Letter> letters) {
		if (letters.isEmpty()) {
			return;
		}
		List<Runnable> acknowledgements = new ArrayList<>(letters.size());
		Pipelined.WAITS.set(acknowledgements);
		try {
			letters.forEach(this::send);
		}
		finally {
			Pipelined.WAITS.remove();
		}
		acknowledgements.forEach(Runnable::run);
	}

	/**
	 * Sends the letter and waits for the broker's acknowledgement (within
	 * {@link #sendAll}, once all are sent); throws if it is not sent. An event that fits
	 * its topic but would not fit the producer's request size once the headers saying why
	 * are added (a producer other than the fetcher can send up to the broker's limit)
	 * goes cut: its value and key to their first {@value #CUT_BYTES} bytes, its headers
	 * dropped when they hold more than that, and the sizes it had in
	 * {@value #VALUE_BYTES} and {@value #HEADER_BYTES}. The whole event stays at its
	 * offset on its own topic, and the partition does not stop on a letter that can never
	 * be sent whole.
	 */
	void send(Letter letter) {
		ConsumerRecord<String, byte[]> record = letter.record();
		log.warn("event at {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(), topic,
				letter.reason());
		long size = sizeOf(record, letter.reason());
		if (size <= maxRequestBytes) {
			recoverer.accept(record, null, new Unstorable(letter.reason()));
		}
		else {
			log.warn("event at {}-{}@{} is too large for {} with its reason (about {} bytes): sent cut", record.topic(),
					record.partition(), record.offset(), topic, size);
			recoverer.accept(cut(record), null, new Unstorable(letter.reason()));
		}
		ingestion.deadLettered(topic);
	}

	/**
	 * About how large the letter is: the event with its key and headers, and its reason
	 * three times (Spring's message and trace headers, and {@value #REASON}) with room
	 * for the other headers Spring adds.
	 */
	private static long sizeOf(ConsumerRecord<String, byte[]> record, String reason) {
		return (record.value() == null ? 0 : record.value().length) + bytes(record.key()) + headerBytes(record)
				+ 3L * bytes(reason) + HEADROOM_BYTES;
	}

	private static long headerBytes(ConsumerRecord<String, byte[]> record) {
		long size = 0;
		for (Header header : record.headers()) {
			size += bytes(header.key()) + (header.value() == null ? 0 : header.value().length);
		}
		return size;
	}

	private static long bytes(String text) {
		return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static ConsumerRecord<String, byte[]> cut(ConsumerRecord<String, byte[]> record) {
		long headerBytes = headerBytes(record);
		RecordHeaders headers = headerBytes <= CUT_BYTES ? new RecordHeaders(record.headers().toArray())
				: new RecordHeaders();
		byte[] value = record.value() == null ? null
				: Arrays.copyOf(record.value(), Math.min(record.value().length, CUT_BYTES));
		headers.add(VALUE_BYTES,
				String.valueOf(record.value() == null ? 0 : record.value().length).getBytes(StandardCharsets.UTF_8));
		headers.add(HEADER_BYTES, String.valueOf(headerBytes).getBytes(StandardCharsets.UTF_8));
		String key = record.key() == null || record.key().length() <= CUT_BYTES / 4 ? record.key()
				: record.key().substring(0, CUT_BYTES / 4);
		return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
				record.timestampType(), (int) bytes(key), value == null ? -1 : value.length, key, value, headers,
				record.leaderEpoch());
	}

	/**
	 * Spring's recoverer, whose wait for each letter's acknowledgement is put off while
	 * {@link #sendAll} sends a poll's letters.
	 */
	private static final class Pipelined extends DeadLetterPublishingRecoverer {

		static final ThreadLocal<List<Runnable>> WAITS = new ThreadLocal<>();

		Pipelined(KafkaOperations<String, byte[]> kafka,
				BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
			super(kafka, destination);
		}

		@Override
		protected void verifySendResult(KafkaOperations<Object, Object> kafka, ProducerRecord<Object, Object> letter,
				CompletableFuture<SendResult<Object, Object>> sent, ConsumerRecord<?, ?> event) {
			List<Runnable> waits = WAITS.get();
			if (waits == null) {
				super.verifySendResult(kafka, letter, sent, event);
			}
			else {
				waits.add(() -> super.verifySendResult(kafka, letter, sent, event));
			}
		}

	}

	/** An event, and why it cannot be stored. */
	record Letter(ConsumerRecord<String, byte[]> record, String reason) {

		/** The most characters of a reason: it may repeat what the event said. */
		static final int MAX_REASON = 1_000;

		/**
		 * The reason on one line: a decoder repeats the event's own text, which must not
		 * start a log line of its own.
		 */
		Letter {
			String line = String.valueOf(reason).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
			reason = line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "..." : line;
		}

	}

	/** Why an event went to the dead-letter topic. */
	static final class Unstorable extends RuntimeException {

		Unstorable(String reason) {
			super(reason, null, false, false);
		}

	}

}
