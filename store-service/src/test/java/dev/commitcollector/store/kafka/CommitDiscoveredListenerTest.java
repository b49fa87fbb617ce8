package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitcollector.store.application.Commits;
import dev.commitcollector.store.application.StoreCommits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

class CommitDiscoveredListenerTest {

	/** One per write batch, in the order the listener handed them over. */
	private final List<Sinks.One<Long>> writes = new CopyOnWriteArrayList<>();

	private final List<Integer> sizes = new CopyOnWriteArrayList<>();

	private final AtomicInteger started = new AtomicInteger();

	/**
	 * The writes started, by their place in {@link #writes}, in the order they started.
	 */
	private final List<Integer> startedWrites = new CopyOnWriteArrayList<>();

	/** A store whose writes finish when the test says so. */
	private final Commits commits = batch -> {
		sizes.add(batch.size());
		Sinks.One<Long> write = Sinks.one();
		int place = writes.size();
		writes.add(write);
		return write.asMono().doOnSubscribe(subscription -> {
			startedWrites.add(place);
			started.incrementAndGet();
		});
	};

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final CommitDiscoveredListener listener = listener(1);

	/** Write batches of 2 events, {@code inFlight} of them written at once. */
	private CommitDiscoveredListener listener(int inFlight) {
		ConsumerSettings settings = new ConsumerSettings("t", 1, (short) 1, "t.DLT", 2, inFlight,
				Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(2), 15000,
				"store-service", 16000, 2);
		Ingestion ingestion = new Ingestion(meters, settings);
		return new CommitDiscoveredListener(new EventDecoder(JsonMapper.builder().build()), new StoreCommits(commits),
				new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of())), ingestion, "t.DLT"),
				ingestion, settings);
	}

	@Test
	void decodesEachWriteBatchWhileTheOneBeforeIsWrittenAndReturnsOnlyOnceAllAreStored() throws Exception {
		CompletableFuture<Void> listened = CompletableFuture.runAsync(() -> listener.onEvents(records(5)));

		await().atMost(Duration.ofSeconds(10)).until(() -> sizes.size() == 3);
		assertThat(sizes).containsExactly(2, 2, 1);
		assertThat(started).hasValue(1);
		for (int i = 0; i < 3; i++) {
			int write = i;
			await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == write + 1);
			assertThat(listened).isNotDone();
			writes.get(write).tryEmitValue((long) sizes.get(write));
		}

		listened.get(10, TimeUnit.SECONDS);
		assertThat(meters.get("commits.stored").counter().count()).isEqualTo(5);
	}

	@Test
	void failsThePolledBatchWhenOneWriteFailsAndStartsNoWriteAfterIt() {
		CompletableFuture<Void> listened = CompletableFuture.runAsync(() -> listener.onEvents(records(6)));
		await().atMost(Duration.ofSeconds(10)).until(() -> sizes.size() == 3 && started.get() == 1);

		writes.get(0).tryEmitValue(2L);
		await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 2);
		writes.get(1).tryEmitError(new IllegalStateException("connection refused"));

		assertThatThrownBy(() -> listened.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasRootCauseMessage("connection refused");
		assertThat(started).hasValue(2);
		assertThat(meters.get("commits.stored").counter().count()).isZero();
	}

	@Test
	void writesTwoWriteBatchesAtOnceAndStartsEachNextOnlyWhenTheOneTwoBeforeItIsStored() throws Exception {
		CommitDiscoveredListener twoInFlight = listener(2);
		CompletableFuture<Void> listened = CompletableFuture.runAsync(() -> twoInFlight.onEvents(records(7)));

		await().atMost(Duration.ofSeconds(10)).until(() -> sizes.size() == 4 && started.get() == 2);
		assertThat(sizes).containsExactly(2, 2, 2, 1);
		writes.get(1).tryEmitValue(2L);
		await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 3);
		assertThat(startedWrites).as("the fourth follows the second; the third waits for the first")
			.containsExactly(0, 1, 3);
		writes.get(0).tryEmitValue(2L);
		await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 4);
		writes.get(3).tryEmitValue(1L);
		assertThat(listened).isNotDone();
		writes.get(2).tryEmitValue(2L);

		listened.get(10, TimeUnit.SECONDS);
		assertThat(meters.get("commits.stored").counter().count()).isEqualTo(7);
	}

	@Test
	void failsThePolledBatchOnlyOnceTheWritesInFlightBesideTheFailedOneHaveFinished() {
		CommitDiscoveredListener twoInFlight = listener(2);
		CompletableFuture<Void> listened = CompletableFuture.runAsync(() -> twoInFlight.onEvents(records(6)));
		await().atMost(Duration.ofSeconds(10)).until(() -> sizes.size() == 3 && started.get() == 2);

		writes.get(0).tryEmitError(new IllegalStateException("connection refused"));
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> !listened.isDone());
		writes.get(1).tryEmitValue(2L);

		assertThatThrownBy(() -> listened.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasRootCauseMessage("connection refused");
		assertThat(started).as("no write after the failed one starts").hasValue(2);
		assertThat(meters.get("commits.stored").counter().count()).isZero();
	}

	private static List<ConsumerRecord<String, byte[]>> records(int count) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		for (int offset = 0; offset < count; offset++) {
			records.add(new ConsumerRecord<>("t", 0, offset, "github:acme/widgets",
					anEvent().json().getBytes(StandardCharsets.UTF_8)));
		}
		return records;
	}

}
