package dev.commitcollector.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker (KRaft, broker and controller combined) run in this JVM on two free
 * ports, its log directory in a directory of the caller's: formatted the first time, and
 * found as it was left on every start after that, so what was written before a stop (or a
 * crash of this JVM) is read again after the next start, offsets committed included.
 */
public final class InProcessKafkaBroker implements KafkaBroker {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

	private final KRaftConfig config;

	private final KafkaRaftServer server;

	private InProcessKafkaBroker(KRaftConfig config, KafkaRaftServer server) {
		this.config = config;
		this.server = server;
	}

	/**
	 * Starts the broker on {@code directory} (formatting it if it holds no broker yet),
	 * waits until it answers, and creates those of {@code topics} that do not exist, with
	 * {@code partitions} partitions each.
	 */
	public static InProcessKafkaBroker start(Path directory, int partitions, String... topics) throws Exception {
		Path logs = directory.resolve("logs");
		KRaftConfig config = KRaftConfig.onFreePorts(logs, partitions);
		Path properties = directory.resolve("server.properties");
		Files.createDirectories(directory);
		Files.writeString(properties, config.text());
		if (!Files.exists(logs.resolve("meta.properties"))) {
			format(properties);
		}
		Properties settings = new Properties();
		settings.load(new StringReader(config.text()));
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings, false), Time.SYSTEM);
		server.startup();
		InProcessKafkaBroker broker = new InProcessKafkaBroker(config, server);
		try {
			broker.awaitReadyAndCreate(partitions, topics);
		}
		catch (Exception ex) {
			broker.close();
			throw ex;
		}
		return broker;
	}

	@Override
	public String bootstrapServers() {
		return "127.0.0.1:" + config.port();
	}

	/** Stops the broker (a controlled shutdown); its log directory stays as it is. */
	@Override
	public void close() {
		server.shutdown();
		server.awaitShutdown();
	}

	private static void format(Path properties) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit = StorageTool.execute(
				new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString() },
				new PrintStream(output, true, StandardCharsets.UTF_8));
		if (exit != 0) {
			throw new IllegalStateException("formatting Kafka's log directory failed: " + output);
		}
	}

	private void awaitReadyAndCreate(int partitions, String... topics) throws Exception {
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
			Set<String> existing = null;
			while (existing == null) {
				try {
					existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
				}
				catch (ExecutionException | TimeoutException notYet) {
					if (Instant.now().isAfter(deadline)) {
						throw new IllegalStateException("Kafka did not answer within " + READY_TIMEOUT, notYet);
					}
					TimeUnit.MILLISECONDS.sleep(250);
				}
			}
			Set<String> present = existing;
			admin
				.createTopics(Stream.of(topics)
					.filter(topic -> !present.contains(topic))
					.map(topic -> new NewTopic(topic, partitions, (short) 1))
					.toList())
				.all()
				.get(1, TimeUnit.MINUTES);
		}
	}

}
