package dev.commitcollector.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * A poll's unreadable events go to the dead-letter topic together: each waited for in
 * turn, thousands of them outlasted the consumer's time between polls.
 */
class DeadLettersTest {

	private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
			new ByteArraySerializer());

	private final DeadLetters deadLetters = new DeadLetters(
			new KafkaTemplate<>(new MockProducerFactory<>(() -> producer) {
				@Override
				public Map<String, Object> getConfigurationProperties() {
					return Map.of();
				}
			}),
			new Ingestion(new SimpleMeterRegistry(),
					new ConsumerSettings("t", 1, (short) 1, "t.DLT", 2000, 2, Duration.ofSeconds(30),
							Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(2), 15000,
							"store-service", 16000, 2)),
			"t.DLT");

	@Test
	void sendsEveryLetterOfAPollBeforeWaitingForTheBrokerToAcknowledgeThem() {
		List<DeadLetters.Letter> letters = IntStream.range(0, 50)
			.mapToObj(offset -> new DeadLetters.Letter(new ConsumerRecord<>("t", 0, offset, "github:acme/widgets",
					"not json".getBytes(StandardCharsets.UTF_8)), "the event is not JSON"))
			.toList();

		CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> deadLetters.sendAll(letters));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(producer.history()).as("sent, none acknowledged yet").hasSize(50));
		assertThat(sent).isNotDone();
		while (producer.completeNext()) {
			// the broker acknowledges them all
		}
		await().atMost(Duration.ofSeconds(10)).until(sent::isDone);
		assertThat(sent).isCompleted();
		assertThat(producer.history()).allSatisfy(letter -> assertThat(letter.topic()).isEqualTo("t.DLT"));
	}

	@Test
	void failsWhenALetterIsNotAcknowledged() {
		List<DeadLetters.Letter> letters = IntStream.range(0, 3)
			.mapToObj(offset -> new DeadLetters.Letter(
					new ConsumerRecord<>("t", 0, offset, "k", "x".getBytes(StandardCharsets.UTF_8)), "unreadable"))
			.toList();

		CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> deadLetters.sendAll(letters));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(producer.history()).hasSize(3));
		producer.completeNext();
		producer.errorNext(new IllegalStateException("the broker is away"));
		producer.completeNext();
		await().atMost(Duration.ofSeconds(10)).until(sent::isDone);
		assertThat(sent).isCompletedExceptionally();
	}

}
