package dev.commitcollector.fetcher.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.commitcollector.fetcher.application.FetchCommits;
import dev.commitcollector.fetcher.domain.Fetch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes up {@code FetchRequested} commands. Every instance consumes the topic in one
 * group, so each repository's partition belongs to one instance at a time, and that one
 * runs its fetches, one at a time: the partition is paused while its fetch runs (the
 * consumer goes on polling, so the group keeps it however long the fetch takes) and the
 * command's offset is committed only once the fetch has ended. When the partition moves
 * (this instance stops, dies or hands it over in a rebalance) the fetch is cancelled
 * here, left as recorded, and the next owner reads the uncommitted command and takes the
 * fetch up again ({@link FetchCommits#execute}). A command that cannot be read goes to
 * the dead-letter topic and the next one is taken up.
 */
@Component
class FetchCommandListener implements ConsumerAwareRebalanceListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FetchCommandListener.class);

	static final String LISTENER = "fetch-commands";

	/** A fetch whose record cannot be read is tried again, for as long as it takes. */
	private static final Retry UNTIL_RECORDS_ANSWER = Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
		.maxBackoff(Duration.ofSeconds(30))
		.doBeforeRetry(signal -> log.warn("a fetch command could not be taken up (attempt {}); trying again: {}",
				signal.totalRetries() + 1, signal.failure().toString()));

	private static final long DEAD_LETTER_TIMEOUT_SECONDS = 30;

	/**
	 * How long the owner of a partition waits before taking up again a fetch another
	 * attempt took over: an instance that lost the partition without noticing yet (it was
	 * paused) notices within a heartbeat or two.
	 */
	static final Duration RETAKE_AFTER = Duration.ofSeconds(3);

	/** The most characters of why a command went to the dead-letter topic. */
	private static final int MAX_REASON = 1_000;

	private final Map<TopicPartition, InFlight> running = new ConcurrentHashMap<>();

	private final FetchCommits fetchCommits;

	private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final CommandSettings topic;

	private final Counter deadLettered;

	FetchCommandListener(FetchCommits fetchCommits, ObjectProvider<KafkaListenerEndpointRegistry> registry,
			KafkaTemplate<String, String> kafka, JsonMapper json, CommandSettings topic, MeterRegistry meters) {
		this.deadLettered = Counter.builder("fetches.commands.dead.lettered")
			.description("Fetch commands that could not be read, sent to their dead-letter topic")
			.register(meters);
		this.fetchCommits = fetchCommits;
		this.registry = registry;
		this.kafka = kafka;
		this.json = json;
		this.topic = topic;
	}

	@KafkaListener(id = LISTENER, idIsGroup = false, topics = "${fetcher.commands.name:fetches.requested}")
	void onCommand(ConsumerRecord<String, String> record, Acknowledgment ack) {
		Fetch fetch;
		try {
			fetch = json.readValue(record.value(), FetchRequested.class).fetch();
		}
		catch (RuntimeException unreadable) {
			deadLetter(record, unreadable);
			ack.acknowledge();
			return;
		}
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		container().pausePartition(partition);
		InFlight inFlight = new InFlight(fetch.id(), ack);
		running.put(partition, inFlight);
		run(partition, inFlight, fetch, Duration.ZERO);
	}

	/**
	 * Runs the fetch under this delivery's token (the same for every try, so a take-up
	 * tried again is the same attempt).
	 */
	private void run(TopicPartition partition, InFlight inFlight, Fetch fetch, Duration after) {
		inFlight.subscription = Mono.delay(after)
			.then(fetchCommits.execute(fetch, inFlight.token).retryWhen(UNTIL_RECORDS_ANSWER))
			.subscribe(ended -> ran(partition, inFlight, fetch, ended),
					error -> failed(partition, inFlight, fetch, error));
		if (running.get(partition) != inFlight) {
			// handed over while this run was being set up: the next owner runs it
			inFlight.subscription.dispose();
		}
	}

	/**
	 * The run broke off without an end recorded (the records' own failures are retried
	 * until they answer): said, and tried again while this instance owns the partition,
	 * so that the partition's later commands are not held up behind silence.
	 */
	private void failed(TopicPartition partition, InFlight inFlight, Fetch fetch, Throwable error) {
		Duration after = RETAKE_AFTER.multipliedBy(1L << Math.min(inFlight.breaks++, 5));
		log.error("fetch {}: the run on partition {} broke off; taking it up again in {}", fetch.id(), partition, after,
				error);
		if (running.get(partition) == inFlight) {
			run(partition, inFlight, fetch, after);
		}
	}

	/**
	 * The run here is over. A fetch still active was taken over by another attempt while
	 * this instance still owns its partition: a take-up that reached the database late,
	 * from an instance that has lost the partition since (or will notice in a moment).
	 * The owner takes it up again, a moment later, rather than leave it to no one.
	 */
	private void ran(TopicPartition partition, InFlight inFlight, Fetch fetch, Fetch ended) {
		if (ended.active() && running.get(partition) == inFlight) {
			log.warn("fetch {}: attempt {} was taken up while this instance owns partition {}; taking it up again",
					fetch.id(), ended.attempt(), partition);
			run(partition, inFlight, fetch, RETAKE_AFTER);
			return;
		}
		done(partition, inFlight);
	}

	/** The fetch has ended: its command is done, and the partition's next one may run. */
	private void done(TopicPartition partition, InFlight inFlight) {
		if (running.remove(partition, inFlight)) {
			inFlight.ack.acknowledge();
			container().resumePartition(partition);
		}
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		handOver(partitions, "revoked");
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		handOver(partitions, "lost");
	}

	/**
	 * Cancels the fetches of partitions this instance no longer owns; their commands stay
	 * uncommitted for the next owner.
	 */
	private void handOver(Collection<TopicPartition> partitions, String how) {
		for (TopicPartition partition : partitions) {
			InFlight inFlight = running.remove(partition);
			MessageListenerContainer container = registry.getObject().getListenerContainer(LISTENER);
			if (container != null) {
				container.resumePartition(partition);
			}
			if (inFlight != null) {
				cancel(inFlight);
				log.info("fetch {}: partition {} was {}; the instance that owns it next takes the fetch up",
						inFlight.fetchId, partition, how);
			}
		}
	}

	private void cancel(InFlight inFlight) {
		Disposable subscription = inFlight.subscription;
		if (subscription != null) {
			subscription.dispose();
		}
		fetchCommits.handedOver(inFlight.fetchId);
	}

	/** At shutdown: whatever still runs is left for the next owner of its partition. */
	@Override
	public void destroy() {
		running.forEach((partition, inFlight) -> {
			if (running.remove(partition, inFlight)) {
				cancel(inFlight);
				log.info("fetch {} cancelled as the fetcher stops; the next owner of partition {} takes it up",
						inFlight.fetchId, partition);
			}
		});
	}

	private void deadLetter(ConsumerRecord<String, String> record, RuntimeException reason) {
		// one line, bounded: the reason repeats what the command said
		String said = String.valueOf(reason.getMessage()).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
		String because = reason.getClass().getSimpleName() + ": "
				+ (said.length() > MAX_REASON ? said.substring(0, MAX_REASON) + "..." : said);
		log.error("fetch command at {}-{}@{} cannot be read; it goes to {}: {}", record.topic(), record.partition(),
				record.offset(), topic.deadLetterTopic(), because);
		var letter = new ProducerRecord<>(topic.deadLetterTopic(), record.key(), record.value());
		letter.headers().add("dlt-reason", because.getBytes(StandardCharsets.UTF_8));
		letter.headers()
			.add("dlt-original", (record.topic() + "-" + record.partition() + "@" + record.offset())
				.getBytes(StandardCharsets.UTF_8));
		try {
			kafka.send(letter).get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			deadLettered.increment();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while dead-lettering an unreadable command", ex);
		}
		catch (Exception ex) {
			// not acknowledged: the container's error handler tries the record again
			throw new IllegalStateException("the unreadable command could not be dead-lettered", ex);
		}
	}

	private MessageListenerContainer container() {
		return registry.getObject().getListenerContainer(LISTENER);
	}

	/** The fetch a partition's command runs, and how its command is acknowledged. */
	private static final class InFlight {

		final UUID fetchId;

		final Acknowledgment ack;

		/** This delivery's take-up token ({@link FetchCommits#execute(Fetch, UUID)}). */
		final UUID token = UUID.randomUUID();

		volatile Disposable subscription;

		/** How often its run broke off: each wait before the next doubles, to 96 s. */
		volatile int breaks;

		InFlight(UUID fetchId, Acknowledgment ack) {
			this.fetchId = fetchId;
			this.ack = ack;
		}

	}

}
