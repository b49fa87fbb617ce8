package dev.commitcollector.store.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Creates the topics this service declares, with their partitions and settings, at start
 * or, when Kafka does not answer then, as soon as it does. Spring's {@link KafkaAdmin}
 * tries once, during start, and gives up; a service started before its broker would leave
 * its topics to the broker's automatic creation, with the broker's default partitions
 * (one) and no compaction. So the admin's own attempt is off
 * ({@code spring.kafka.admin.auto-create: false}), the consumers never create a topic
 * ({@code allow.auto.create.topics: false}) and wait for it, and this tries again,
 * backing off to {@link #MAX_BACKOFF}, logging each failure with its cause; the Kafka
 * health check is DOWN, naming it, until the topics are there.
 */
@Component
final class TopicSetup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

	static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final KafkaAdmin admin;

	private volatile String failure = "not tried yet";

	private volatile boolean running;

	private Thread retries;

	TopicSetup(KafkaAdmin admin) {
		this.admin = admin;
		// a failed attempt throws with its cause, instead of logging an ERROR and
		// returning false on the first call only
		admin.setFatalIfBrokerNotAvailable(true);
	}

	/** Why the topics are not set up yet, or {@code null} once they are. */
	String failure() {
		return failure;
	}

	/**
	 * The first attempt runs here, before the listener containers start, so a consumer
	 * finds its topics in place; the later ones on a thread of their own.
	 */
	@Override
	public void start() {
		running = true;
		if (setUp()) {
			return;
		}
		log.warn("Kafka's topics are not set up yet, trying again until Kafka answers: {}", failure);
		Thread thread = new Thread(this::retry, "kafka-topic-setup");
		thread.setDaemon(true);
		retries = thread;
		thread.start();
	}

	private void retry() {
		Duration backoff = FIRST_BACKOFF;
		for (int attempt = 2; running; attempt++) {
			try {
				Thread.sleep(backoff.toMillis());
			}
			catch (InterruptedException stopped) {
				return;
			}
			if (setUp()) {
				log.info("Kafka's topics are set up (attempt {})", attempt);
				return;
			}
			backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
			log.warn("Kafka's topics are not set up yet (attempt {}), trying again in {} s: {}", attempt,
					backoff.toSeconds(), failure);
		}
	}

	private boolean setUp() {
		try {
			if (admin.initialize()) {
				failure = null;
				return true;
			}
			failure = "interrupted";
		}
		catch (RuntimeException ex) {
			failure = describe(ex);
		}
		return false;
	}

	/**
	 * The deepest cause, which names what Kafka said; a timeout (which says nothing)
	 * names where Kafka was looked for.
	 */
	private String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause.getMessage() == null || cause instanceof TimeoutException) {
			return "Kafka at " + servers() + " did not answer within " + admin.getOperationTimeout() + " s ("
					+ cause.getClass().getSimpleName() + ")";
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	private String servers() {
		Object servers = admin.getConfigurationProperties().get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
		return servers instanceof Collection<?> list
				? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(servers);
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = retries;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After the web server's start (health answers meanwhile), before the consumers'. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
