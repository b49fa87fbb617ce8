package dev.commitcollector.store.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * How ingestion is going, as the readiness probe sees it: DOWN once one consumer has
 * failed the same batch for longer than {@code store.consumer.stall-timeout}, with the
 * batch and the cause in the details; the count of dead letters always. A consumer is one
 * listener thread.
 */
@Component("ingestion")
class Ingestion extends AbstractHealthIndicator {

	private final Map<String, Stall> failing = new ConcurrentHashMap<>();

	private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final Counter stored;

	private final Timer batches;

	private final Duration stallTimeout;

	private final Clock clock;

	@Autowired
	Ingestion(MeterRegistry meters, ConsumerSettings settings) {
		this(meters, settings, Clock.systemUTC());
	}

	Ingestion(MeterRegistry meters, ConsumerSettings settings, Clock clock) {
		super("ingestion health check failed");
		this.meters = meters;
		this.stored = Counter.builder("commits.stored")
			.description("Commits newly stored (a commit stored before is not counted again)")
			.register(meters);
		this.batches = Timer.builder("store.batches")
			.description("Polled batches of events stored, from decoding to the last transaction's commit")
			.register(meters);
		this.stallTimeout = settings.stallTimeout();
		this.clock = clock;
	}

	/**
	 * The calling consumer failed to store {@code batch}, of {@code partitions}; a new
	 * batch restarts the clock.
	 */
	void failed(String batch, Collection<TopicPartition> partitions, String cause) {
		Instant now = clock.instant();
		failing.compute(Thread.currentThread().getName(),
				(consumer, stall) -> stall != null && stall.batch().equals(batch) ? stall.again(cause)
						: new Stall(batch, Set.copyOf(partitions), now, 1, cause));
	}

	/**
	 * The calling consumer stored its batch, {@code newCommits} of them new, in
	 * {@code took}.
	 */
	void stored(long newCommits, Duration took) {
		failing.remove(Thread.currentThread().getName());
		stored.increment(newCommits);
		batches.record(took);
	}

	/**
	 * The calling consumer stored what it had been failing on; for writes that are not
	 * commit batches.
	 */
	void caughtUp() {
		failing.remove(Thread.currentThread().getName());
	}

	/**
	 * The calling consumer no longer owns {@code partitions}: a batch it was failing on
	 * from any of them is another consumer's to retry now.
	 */
	void lost(Collection<TopicPartition> partitions) {
		failing.computeIfPresent(Thread.currentThread().getName(),
				(consumer, stall) -> partitions.stream().anyMatch(stall.partitions()::contains) ? null : stall);
	}

	/**
	 * Events will go to the dead-letter topic {@code topic}: its count reads 0 until one
	 * does.
	 */
	void deadLettersGoTo(String topic) {
		deadLetters(topic);
	}

	/**
	 * An event went to {@code topic}, the dead-letter topic of the topic it came from.
	 */
	void deadLettered(String topic) {
		deadLetters(topic).increment();
	}

	private Counter deadLetters(String topic) {
		return deadLettered.computeIfAbsent(topic,
				t -> Counter.builder("commits.dead.lettered")
					.description("Events sent to a dead-letter topic: unreadable, or refused by the database")
					.tag("topic", t)
					.register(meters));
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Instant now = clock.instant();
		Map<String, Object> stalled = new LinkedHashMap<>();
		Map<String, Object> retrying = new LinkedHashMap<>();
		failing.forEach((consumer, stall) -> {
			Duration failingFor = Duration.between(stall.since(), now);
			(failingFor.compareTo(stallTimeout) > 0 ? stalled : retrying).put(consumer, Map.of("batch", stall.batch(),
					"failingSince", stall.since().toString(), "attempts", stall.attempts(), "cause", stall.cause()));
		});
		builder.status(stalled.isEmpty() ? "UP" : "DOWN")
			.withDetail("deadLettered", deadLettered.values().stream().mapToLong(c -> (long) c.count()).sum())
			.withDetail("stallTimeout", stallTimeout.toString());
		if (!stalled.isEmpty()) {
			builder.withDetail("reason", "a consumer has failed the same batch for longer than " + stallTimeout)
				.withDetail("stalled", stalled);
		}
		if (!retrying.isEmpty()) {
			builder.withDetail("retrying", retrying);
		}
	}

	private record Stall(String batch, Set<TopicPartition> partitions, Instant since, int attempts, String cause) {

		Stall again(String cause) {
			return new Stall(batch, partitions, since, attempts + 1, cause);
		}

	}

}
