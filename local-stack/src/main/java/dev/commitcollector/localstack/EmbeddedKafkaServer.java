package dev.commitcollector.localstack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller), run in this JVM on
 * a free port.
 */
public final class EmbeddedKafkaServer implements KafkaBroker {

	private final EmbeddedKafkaKraftBroker broker;

	/** What Kafka's test kit would delete at the JVM's exit: its log directories. */
	private final List<Runnable> cleanups;

	private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker, List<Runnable> cleanups) {
		this.broker = broker;
		this.cleanups = cleanups;
	}

	/**
	 * Starts the broker with the topics created, each with {@code partitions} partitions.
	 */
	public static EmbeddedKafkaServer start(int partitions, String... topics) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
		broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "true"));
		// Kafka's test kit deletes its log directories in JVM shutdown hooks of its own:
		// run beside the stack's on Ctrl-C, they deleted them under a broker still
		// running (hundreds of LogDirFailureChannel errors, then Exit.halt(1)). Kept
		// here, they run once the broker has stopped.
		List<Runnable> cleanups = new CopyOnWriteArrayList<>();
		Exit.setShutdownHookAdder((name, hook) -> cleanups.add(hook));
		try {
			broker.afterPropertiesSet();
		}
		catch (RuntimeException ex) {
			cleanups.forEach(Runnable::run);
			throw ex;
		}
		finally {
			Exit.resetShutdownHookAdder();
		}
		return new EmbeddedKafkaServer(broker, cleanups);
	}

	@Override
	public String bootstrapServers() {
		return broker.getBrokersAsString();
	}

	@Override
	public void close() {
		try {
			broker.destroy();
		}
		finally {
			cleanups.forEach(Runnable::run);
		}
	}

}
