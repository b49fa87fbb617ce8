package dev.commitcollector.store.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.commitcollector.store.application.StoreCommits;
import dev.commitcollector.store.domain.CommitRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stores each polled batch of events and returns only when the database has committed;
 * the container commits the offsets after that. A failed write throws, and the container
 * retries the same batch with backoff, without end; each attempt is logged and watched by
 * {@link Ingestion}. Events that cannot be read, and records the database refuses for
 * their data, go to the dead-letter topic once the rest of the batch is stored, and the
 * consumer goes on: no partition ever waits on data.
 */
@Component
class CommitDiscoveredListener {

	private static final Logger log = LoggerFactory.getLogger(CommitDiscoveredListener.class);

	private final EventDecoder decoder;

	private final StoreCommits commits;

	private final DeadLetters deadLetters;

	private final Ingestion ingestion;

	private final ConsumerSettings settings;

	CommitDiscoveredListener(EventDecoder decoder, StoreCommits commits, DeadLetters deadLetters, Ingestion ingestion,
			ConsumerSettings settings) {
		this.decoder = decoder;
		this.commits = commits;
		this.deadLetters = deadLetters;
		this.ingestion = ingestion;
		this.settings = settings;
	}

	@KafkaListener(id = "commit-store", groupId = "${spring.kafka.consumer.group-id:store-service}",
			topics = "${store.consumer.topic:commits.discovered}", batch = "true")
	void onEvents(List<ConsumerRecord<String, byte[]>> records) {
		long started = System.nanoTime();
		long stored;
		try {
			stored = store(records);
		}
		catch (RuntimeException ex) {
			String where = PolledRecords.where(records);
			String cause = causeOf(ex);
			log.warn("storing {} events at {} failed; retrying with backoff: {}", records.size(), where, cause);
			ingestion.failed(where, PolledRecords.partitions(records), cause);
			throw ex;
		}
		ingestion.stored(stored, Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Stores the batch; returns how many commits were new. The events are decoded a write
	 * batch at a time, and each write batch is stored in its own transaction while the
	 * next one is decoded; up to {@code writesInFlight} such transactions run at once
	 * (each on its own connection; the counts lock author and repository rows in key
	 * order, so they cannot deadlock: StoreBatchSql), and a write batch starts only once
	 * the one that many places before it has committed. The method returns only once
	 * every write batch has finished, so the offsets still follow the rows; a failure
	 * fails the whole polled batch, and its retry stores again only what is missing.
	 */
	private long store(List<ConsumerRecord<String, byte[]>> records) {
		long started = System.nanoTime();
		Map<CommitRecord, ConsumerRecord<String, byte[]>> sources = new IdentityHashMap<>();
		List<DeadLetters.Letter> rejected = new ArrayList<>();
		List<CompletableFuture<StoreCommits.Outcome>> writes = new ArrayList<>();
		for (int from = 0; from < records.size(); from += settings.writeBatch()) {
			List<CommitRecord> batch = decode(
					records.subList(from, Math.min(records.size(), from + settings.writeBatch())), sources, rejected);
			Mono<StoreCommits.Outcome> write = commits.store(batch).timeout(settings.writeTimeout());
			int gate = writes.size() - settings.writesInFlight();
			writes.add(gate < 0 ? write.toFuture() : writes.get(gate).thenCompose(before -> write.toFuture()));
		}
		long decoded = System.nanoTime();
		StoreCommits.Outcome outcome = outcomeOf(writes);
		long done = System.nanoTime();
		outcome.refused()
			.forEach(refused -> rejected.add(new DeadLetters.Letter(sources.get(refused.commit()),
					"the database refused the record: " + refused.reason())));
		log.info("stored {} new of {} events at {} (read in {} ms, written {} ms after); traces {}", outcome.stored(),
				records.size(), PolledRecords.where(records), (decoded - started) / 1_000_000,
				(done - decoded) / 1_000_000, PolledRecords.traceIds(records));
		deadLetters.sendAll(rejected);
		return outcome.stored();
	}

	private List<CommitRecord> decode(List<ConsumerRecord<String, byte[]>> records,
			Map<CommitRecord, ConsumerRecord<String, byte[]>> sources, List<DeadLetters.Letter> rejected) {
		List<CommitRecord> batch = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				CommitRecord commit = decoder.decode(record.value());
				sources.put(commit, record);
				batch.add(commit);
			}
			catch (EventDecoder.InvalidEvent ex) {
				rejected.add(new DeadLetters.Letter(record, ex.getMessage()));
			}
		}
		return batch;
	}

	/**
	 * Waits for every write batch to finish, failed or not (no transaction of this batch
	 * is left running when it is retried); the first failure in batch order is thrown as
	 * it was raised.
	 */
	private static StoreCommits.Outcome outcomeOf(List<CompletableFuture<StoreCommits.Outcome>> writes) {
		CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).exceptionally(failed -> null).join();
		StoreCommits.Outcome sum = StoreCommits.Outcome.NONE;
		for (CompletableFuture<StoreCommits.Outcome> write : writes) {
			try {
				sum = sum.plus(write.join());
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}
		return sum;
	}

	/**
	 * Each cause in the chain, innermost last, each cut short: Spring's messages repeat
	 * the whole statement.
	 */
	private static String causeOf(Throwable error) {
		StringBuilder causes = new StringBuilder();
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage()).replaceAll("\\s+", " ");
			causes.append(causes.isEmpty() ? "" : " <- ")
				.append(cause.getClass().getSimpleName())
				.append(": ")
				.append(message.length() > 200 ? message.substring(0, 200) + "..." : message);
		}
		return causes.toString();
	}

}
