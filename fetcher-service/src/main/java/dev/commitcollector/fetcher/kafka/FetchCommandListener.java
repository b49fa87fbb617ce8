package dev.commitcollector.fetcher.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.commitcollector.fetcher.application.FetchCommits;
import dev.commitcollector.fetcher.application.FetchSettings;
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
 * runs its fetches: up to {@code FETCH_MAX_CONCURRENT} of one partition at once (a fetch
 * held up by its forge does not hold up the partition's other repositories), two of one
 * repository never at once, and more wait in Kafka (the partition is paused; the consumer
 * goes on polling, so the group keeps it however long a fetch takes). A command's offset
 * is committed only once its fetch and every earlier command of its partition have ended
 * ({@link PartitionCommands}). When the partition moves (this instance stops, dies or
 * hands it over in a rebalance) its fetches are cancelled here, left as recorded, and the
 * next owner reads the uncommitted commands and takes the fetches up again
 * ({@link FetchCommits#execute}); those that ended meanwhile are done at once. A command
 * that cannot be read goes to the dead-letter topic and the next one is taken up.
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

	private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * How long the owner of a partition waits before taking up again a fetch another
	 * attempt took over: an instance that lost the partition without noticing yet (it was
	 * paused) notices within a heartbeat or two.
	 */
	static final Duration RETAKE_AFTER = Duration.ofSeconds(3);

	/** The most characters of why a command went to the dead-letter topic. */
	private static final int MAX_REASON = 1_000;

	private final Map<TopicPartition, PartitionCommands<InFlight>> partitions = new ConcurrentHashMap<>();

	private final FetchCommits fetchCommits;

	private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final CommandSettings topic;

	private final int perPartition;

	private final Counter deadLettered;

	FetchCommandListener(FetchCommits fetchCommits, ObjectProvider<KafkaListenerEndpointRegistry> registry,
			KafkaTemplate<String, String> kafka, JsonMapper json, CommandSettings topic, FetchSettings fetches,
			MeterRegistry meters) {
		this.deadLettered = Counter.builder("fetches.commands.dead.lettered")
			.description("Fetch commands that could not be read, sent to their dead-letter topic")
			.register(meters);
		this.fetchCommits = fetchCommits;
		this.registry = registry;
		this.kafka = kafka;
		this.json = json;
		this.topic = topic;
		this.perPartition = fetches.maxConcurrentFetches();
	}

	@KafkaListener(id = LISTENER, idIsGroup = false, topics = "${fetcher.commands.name:fetches.requested}")
	void onCommand(ConsumerRecord<String, String> record, Acknowledgment ack) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		PartitionCommands<InFlight> commands = partitions.computeIfAbsent(partition,
				owned -> new PartitionCommands<>(perPartition));
		Fetch fetch;
		try {
			fetch = json.readValue(record.value(), FetchRequested.class).fetch();
		}
		catch (RuntimeException unreadable) {
			InFlight letter = new InFlight(partition, record.offset(), null, null, ack);
			if (take(commands, letter)) {
				deadLetter(commands, letter, record, unreadable);
			}
			return;
		}
		InFlight inFlight = new InFlight(partition, record.offset(), record.key(), fetch, ack);
		if (!take(commands, inFlight)) {
			return;
		}
		if (inFlight.started) {
			run(commands, inFlight, Duration.ZERO);
		}
		else {
			log.info("fetch {}: waits for the fetch of {} before it on partition {}", fetch.id(), record.key(),
					partition);
		}
	}

	/**
	 * Takes the command into its partition's bookkeeping, and pauses the partition when
	 * it holds as many as it takes. False for an offset it holds already: delivered again
	 * (after an error, the container seeks back), it runs once.
	 */
	private boolean take(PartitionCommands<InFlight> commands, InFlight inFlight) {
		synchronized (commands) {
			if (commands.holds(inFlight.offset)) {
				log.info("command at {}@{} delivered again while it is under way here; it runs once",
						inFlight.partition, inFlight.offset);
				return false;
			}
			inFlight.started = commands.taken(inFlight);
			if (commands.full()) {
				container().pausePartition(inFlight.partition);
				if (commands.backlogged()) {
					InFlight oldest = commands.oldest();
					log.warn(
							"partition {} takes no more commands until fetch {} ends: the {} commands after it that "
									+ "ended stay uncommitted until it does",
							inFlight.partition, oldest.fetch == null ? "(a letter)" : oldest.fetchId(),
							perPartition * PartitionCommands.BACKLOG);
				}
			}
			return true;
		}
	}

	/**
	 * Runs the fetch under this delivery's token (the same for every try, so a take-up
	 * tried again is the same attempt).
	 */
	private void run(PartitionCommands<InFlight> commands, InFlight inFlight, Duration after) {
		Fetch fetch = inFlight.fetch;
		inFlight.subscription = Mono.delay(after)
			.then(fetchCommits.execute(fetch, inFlight.token).retryWhen(UNTIL_RECORDS_ANSWER))
			.subscribe(ended -> ran(commands, inFlight, ended), error -> failed(commands, inFlight, error));
		if (!owns(commands, inFlight)) {
			// handed over while this run was being set up: the next owner runs it
			inFlight.subscription.dispose();
		}
	}

	/**
	 * The run broke off without an end recorded (the records' own failures are retried
	 * until they answer): said, and tried again while this instance owns the partition,
	 * so that the partition's later commands are not held up behind silence.
	 */
	private void failed(PartitionCommands<InFlight> commands, InFlight inFlight, Throwable error) {
		Duration after = RETAKE_AFTER.multipliedBy(1L << Math.min(inFlight.breaks++, 5));
		log.error("fetch {}: the run on partition {} broke off; taking it up again in {}", inFlight.fetchId(),
				inFlight.partition, after, error);
		if (owns(commands, inFlight)) {
			run(commands, inFlight, after);
		}
	}

	/**
	 * The run here is over. A fetch still active was taken over by another attempt while
	 * this instance still owns its partition: a take-up that reached the database late,
	 * from an instance that has lost the partition since (or will notice in a moment).
	 * The owner takes it up again, a moment later, rather than leave it to no one.
	 */
	private void ran(PartitionCommands<InFlight> commands, InFlight inFlight, Fetch ended) {
		if (ended.active() && owns(commands, inFlight)) {
			log.warn("fetch {}: attempt {} was taken up while this instance owns partition {}; taking it up again",
					inFlight.fetchId(), ended.attempt(), inFlight.partition);
			run(commands, inFlight, RETAKE_AFTER);
			return;
		}
		ended(commands, inFlight);
	}

	/**
	 * The command has ended: the offsets ended in a row are acknowledged, a command of
	 * the same repository waiting for it runs, and the partition takes more.
	 */
	private void ended(PartitionCommands<InFlight> commands, InFlight inFlight) {
		PartitionCommands.Ended<InFlight> ended;
		synchronized (commands) {
			ended = commands.ended(inFlight);
			if (ended.acknowledge() != null) {
				ended.acknowledge().ack.acknowledge();
			}
			if (!commands.full() && partitions.get(inFlight.partition) == commands) {
				container().resumePartition(inFlight.partition);
			}
		}
		ended.start().forEach(next -> run(commands, next, Duration.ZERO));
	}

	private static boolean owns(PartitionCommands<InFlight> commands, InFlight inFlight) {
		synchronized (commands) {
			return commands.owns(inFlight);
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
	private void handOver(Collection<TopicPartition> handedOver, String how) {
		for (TopicPartition partition : handedOver) {
			PartitionCommands<InFlight> commands = partitions.remove(partition);
			MessageListenerContainer container = registry.getObject().getListenerContainer(LISTENER);
			if (container != null) {
				container.resumePartition(partition);
			}
			if (commands != null) {
				for (InFlight inFlight : close(commands)) {
					if (cancel(inFlight)) {
						log.info("fetch {}: partition {} was {}; the instance that owns it next takes the fetch up",
								inFlight.fetchId(), partition, how);
					}
				}
			}
		}
	}

	/** What ran for the partition's commands, to cancel. */
	private static List<InFlight> close(PartitionCommands<InFlight> commands) {
		synchronized (commands) {
			return commands.close();
		}
	}

	/** Stops what runs for the command here; true for a fetch, false for a letter. */
	private boolean cancel(InFlight inFlight) {
		Disposable subscription = inFlight.subscription;
		if (subscription != null) {
			subscription.dispose();
		}
		if (inFlight.fetch == null) {
			return false;
		}
		fetchCommits.handedOver(inFlight.fetchId());
		return true;
	}

	/** At shutdown: whatever still runs is left for the next owner of its partition. */
	@Override
	public void destroy() {
		partitions.forEach((partition, commands) -> {
			if (partitions.remove(partition, commands)) {
				for (InFlight inFlight : close(commands)) {
					if (cancel(inFlight)) {
						log.info("fetch {} cancelled as the fetcher stops; the next owner of partition {} takes it up",
								inFlight.fetchId(), partition);
					}
				}
			}
		});
	}

	/**
	 * Sends the command that cannot be read to the dead-letter topic, in the background:
	 * tried again for as long as it takes (the broker may be away), while the partition's
	 * other commands go on. Its offset is acknowledged, in turn, once the letter is sent.
	 */
	private void deadLetter(PartitionCommands<InFlight> commands, InFlight inFlight,
			ConsumerRecord<String, String> record, RuntimeException reason) {
		// one line, bounded: the reason repeats what the command said
		String said = String.valueOf(reason.getMessage()).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
		String because = reason.getClass().getSimpleName() + ": "
				+ (said.length() > MAX_REASON ? said.substring(0, MAX_REASON) + "..." : said);
		String at = record.topic() + "-" + record.partition() + "@" + record.offset();
		log.error("fetch command at {} cannot be read; it goes to {}: {}", at, topic.deadLetterTopic(), because);
		var letter = new ProducerRecord<>(topic.deadLetterTopic(), record.key(), record.value());
		letter.headers().add("dlt-reason", because.getBytes(StandardCharsets.UTF_8));
		letter.headers().add("dlt-original", at.getBytes(StandardCharsets.UTF_8));
		inFlight.subscription = Mono.fromFuture(() -> kafka.send(letter))
			.timeout(DEAD_LETTER_TIMEOUT)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
				.maxBackoff(Duration.ofSeconds(30))
				.doBeforeRetry(signal -> log.warn(
						"the unreadable fetch command at {} could not be dead-lettered (attempt {}); trying again: {}",
						at, signal.totalRetries() + 1, signal.failure().toString())))
			.subscribe(sent -> {
				deadLettered.increment();
				ended(commands, inFlight);
			});
	}

	private MessageListenerContainer container() {
		return registry.getObject().getListenerContainer(LISTENER);
	}

	/**
	 * A command taken from a partition, the fetch it runs, and how it is acknowledged.
	 */
	private static final class InFlight implements PartitionCommands.Command {

		final TopicPartition partition;

		final long offset;

		final String key;

		/** {@code null} for a command that could not be read. */
		final Fetch fetch;

		final Acknowledgment ack;

		/** This delivery's take-up token ({@link FetchCommits#execute(Fetch, UUID)}). */
		final UUID token = UUID.randomUUID();

		volatile Disposable subscription;

		/** Whether it ran as soon as it was taken; else it waits for its repository's. */
		volatile boolean started;

		/** How often its run broke off: each wait before the next doubles, to 96 s. */
		volatile int breaks;

		InFlight(TopicPartition partition, long offset, String key, Fetch fetch, Acknowledgment ack) {
			this.partition = partition;
			this.offset = offset;
			this.key = key;
			this.fetch = fetch;
			this.ack = ack;
		}

		@Override
		public long offset() {
			return this.offset;
		}

		@Override
		public String key() {
			return this.key;
		}

		UUID fetchId() {
			return this.fetch.id();
		}

	}

}
