package dev.commitcollector.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller combined) run as its own JVM with
 * {@code kafka.Kafka} from the kafka_2.13 jars on this JVM's class path
 * (spring-kafka-test brings them). Its ports and log directory stay the same across
 * {@link #stop()}, {@link #kill()} and {@link #startAgain()}, so clients reconnect to the
 * same address and find what was written before, as after an operator's restart.
 */
public final class KafkaBrokerProcess implements KafkaBroker {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

	private final Path directory;

	private final KRaftConfig config;

	private final Path log;

	private final String classPath;

	private Process process;

	private KafkaBrokerProcess(Path directory, KRaftConfig config, Path log, String classPath) {
		this.directory = directory;
		this.config = config;
		this.log = log;
		this.classPath = classPath;
	}

	/**
	 * Formats a new log directory, starts the broker on two free ports (clients and
	 * controller), waits until it answers, and creates {@code topics} with
	 * {@code partitions} partitions each.
	 */
	public static KafkaBrokerProcess start(Path log, int partitions, String... topics) throws Exception {
		String classPath = System.getProperty("java.class.path");
		if (Arrays.stream(classPath.split(File.pathSeparator)).noneMatch(jar -> jar.contains("kafka_2.13"))) {
			throw new IllegalStateException("the kafka_2.13 jars are not on the class path: run from the module's "
					+ "test or exec class path, not from the launcher's jar");
		}
		Path directory = Files.createTempDirectory("kafka-broker");
		KafkaBrokerProcess broker = new KafkaBrokerProcess(directory,
				KRaftConfig.onFreePorts(directory.resolve("logs"), partitions), log, classPath);
		try {
			broker.format();
			broker.startAgain();
			broker.createTopics(partitions, topics);
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

	public synchronized boolean isAlive() {
		return process != null && process.isAlive();
	}

	/**
	 * Starts the broker on the same ports and log directory as before and waits until it
	 * answers.
	 */
	public synchronized void startAgain() throws IOException, InterruptedException {
		if (isAlive()) {
			throw new IllegalStateException("the broker is running");
		}
		process = java("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "kafka.Kafka", properties().toString()).start();
		awaitReady();
	}

	/**
	 * Stops the broker as an operator would (SIGTERM: a controlled shutdown), forcibly if
	 * it takes over a minute.
	 */
	public synchronized void stop() throws InterruptedException {
		if (process != null) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	/**
	 * Kills the broker with SIGKILL: no controlled shutdown, its logs recovered at the
	 * next start.
	 */
	public synchronized void kill() throws InterruptedException {
		if (process != null) {
			process.destroyForcibly().waitFor();
		}
	}

	@Override
	public void close() throws Exception {
		stop();
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	private void format() throws IOException, InterruptedException {
		Files.createDirectories(log.getParent());
		Files.writeString(properties(), config.text());
		Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
				properties().toString())
			.start();
		if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
			format.destroyForcibly();
			throw new IllegalStateException("formatting the broker's log directory failed; see " + log);
		}
	}

	private void awaitReady() throws InterruptedException {
		new BrokerReadiness(process, log, READY_TIMEOUT).await(config.port(), this::admin);
	}

	private void createTopics(int partitions, String... topics) throws Exception {
		try (AdminClient admin = admin()) {
			admin.createTopics(Stream.of(topics).map(topic -> new NewTopic(topic, partitions, (short) 1)).toList())
				.all()
				.get(1, TimeUnit.MINUTES);
		}
	}

	private AdminClient admin() {
		return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				5000));
	}

	private ProcessBuilder java(String... arguments) {
		List<String> command = Stream
			.concat(Stream.of(ServiceProcess.javaExecutable(), "-cp", classPath), Stream.of(arguments))
			.toList();
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
	}

	private Path properties() {
		return directory.resolve("server.properties");
	}

}
