package dev.commitcollector.store.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.commitcollector.store.TestInfrastructure;

/**
 * Plays the fetcher (produces raw event values) and the operator (reads consumer lag,
 * dead letters).
 */
final class KafkaTestClient implements AutoCloseable {

	private final String bootstrap = TestInfrastructure.servers().bootstrapServers();

	private final KafkaProducer<String, String> producer = new KafkaProducer<>(
			Map.of("bootstrap.servers", bootstrap, "acks", "all"), new StringSerializer(), new StringSerializer());

	private final AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap));

	void send(String key, String value) throws Exception {
		send(TestInfrastructure.TOPIC, key, value);
	}

	void send(String topic, String key, String value) throws Exception {
		producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
	}

	/** An event carrying one header of {@code headerBytes} zero bytes. */
	void sendWithHeader(String key, String value, String header, int headerBytes) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(TestInfrastructure.TOPIC, key, value);
		record.headers().add(header, new byte[headerBytes]);
		producer.send(record).get(10, TimeUnit.SECONDS);
	}

	/** Events on the topic that the store's group has not committed yet. */
	long lag() throws Exception {
		return lag(TestInfrastructure.TOPIC);
	}

	/** Events on {@code topic} that the store's group has not committed yet. */
	long lag(String topic) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("store-service")
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		var partitions = admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(topic)
			.partitions();
		Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
		partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
		var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
		long lag = 0;
		for (var end : ends.entrySet()) {
			OffsetAndMetadata done = committed.get(end.getKey());
			lag += end.getValue().offset() - (done == null ? 0 : done.offset());
		}
		return lag;
	}

	/** Every dead letter so far, read from the beginning by a fresh group. */
	List<ConsumerRecord<String, String>> deadLetters() {
		return deadLetters(TestInfrastructure.TOPIC + ".DLT");
	}

	/** Every record on {@code topic} so far, read from the beginning by a fresh group. */
	List<ConsumerRecord<String, String>> deadLetters(String topic) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
				"group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
				if (!records.isEmpty() && consumer.assignment()
					.stream()
					.allMatch(tp -> consumer.position(tp) >= consumer.endOffsets(List.of(tp)).get(tp))) {
					break;
				}
			}
			return records;
		}
	}

	@Override
	public void close() {
		producer.close();
		admin.close();
	}

}
