package dev.commitcollector.localstack;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service jar run as its own JVM process, its output appended to a log file. */
public final class ServiceProcess {

	private static final Logger logger = LoggerFactory.getLogger(ServiceProcess.class);

	/**
	 * What the run command gives each service: a bounded heap, the JIT's full tiers (C1
	 * then C2) and the default collector. C1 alone warms up sooner but drained a backlog
	 * about a third slower and served the commits page at half the throughput; the serial
	 * collector did no better than G1 on the ingest; see docs/performance.md.
	 */
	static final String DEFAULT_JVM_OPTIONS = "-Xmx384m";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Path jar;

	private final int port;

	private final Map<String, String> environment;

	private final Path log;

	private Process process;

	private Path copy;

	/** Where in the log this start's output begins. */
	private long logStart;

	/**
	 * Where in the log this process's first start began: the log is appended to by every
	 * stack, and by each run of a test again, so what one stack said begins here.
	 */
	private long firstLogStart = -1;

	/**
	 * Whether the process was told to stop (or killed on purpose), so its exit is
	 * expected.
	 */
	private volatile boolean stopping;

	ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log) {
		this.name = name;
		this.jar = jar;
		this.port = port;
		this.environment = Map.copyOf(environment);
		this.log = log;
	}

	public String name() {
		return name;
	}

	public int port() {
		return port;
	}

	public URI url() {
		return URI.create("http://localhost:" + port);
	}

	public Path log() {
		return log;
	}

	/**
	 * The lines this process has logged since it was first started, across its restarts;
	 * none before that, from an earlier stack or an earlier run of the same test.
	 */
	public List<String> logLines() throws IOException {
		long from;
		synchronized (this) {
			from = firstLogStart;
		}
		if (from < 0 || !Files.exists(log)) {
			return List.of();
		}
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
			file.seek(from);
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8).lines().toList();
		}
	}

	public synchronized void start() throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -DskipTests package)");
		}
		Files.createDirectories(log.getParent());
		if (copy == null) {
			copy = copyOfJar();
		}
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(jvmOptions(name));
		command.addAll(List.of("-jar", copy.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		stopping = false;
		logStart = Files.size(log.toFile().exists() ? log : Files.createFile(log));
		if (firstLogStart < 0) {
			firstLogStart = logStart;
		}
		process = builder.start();
		process.onExit().thenAccept(exited -> {
			if (!stopping) {
				logger.error("{} exited with {} without being stopped; see {}", name, exited.exitValue(), log);
			}
		});
	}

	/**
	 * A copy of the service's jar, taken at the first start and run at every start after
	 * it: a restart runs the same build, and a rebuild of the jar meanwhile (half-written
	 * while Maven packages it) cannot break it. Waits up to two minutes for a jar that
	 * does not read as a whole.
	 */
	private Path copyOfJar() throws IOException {
		Path copies = Files.createDirectories(log.getParent().resolveSibling("jars"));
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (true) {
			Path copy = Files.createTempFile(copies, name + "-", ".jar");
			copy.toFile().deleteOnExit();
			Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
			if (isWhole(copy)) {
				return copy;
			}
			Files.delete(copy);
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(jar + " is not a readable jar; rebuild it");
			}
			try {
				TimeUnit.SECONDS.sleep(2);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while waiting for " + jar, ex);
			}
		}
	}

	private static boolean isWhole(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Main-Class") != null
					&& file.stream().count() > 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Waits until the readiness probe says UP; fails if the process, or one started
	 * {@code beside} it, dies, or the wait runs out.
	 */
	public void awaitReady(Duration timeout, ServiceProcess... beside) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest probe = HttpRequest.newBuilder(url().resolve("/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (Instant.now().isBefore(deadline)) {
			requireRunning();
			for (ServiceProcess other : beside) {
				other.requireRunning();
			}
			try {
				if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
	}

	/** Fails, saying why from its log, when the process has exited. */
	private void requireRunning() {
		if (!isAlive()) {
			String reason = StartFailure.in(log, logStart);
			throw new IllegalStateException(name + " exited with " + exitCode().orElse(-1) + (reason.isEmpty()
					? "; see " + log : " while starting:\n" + reason.indent(2) + "  (the whole log: " + log + ")"));
		}
	}

	/** The operating system's id of the running process. */
	public synchronized long pid() {
		return process.pid();
	}

	public synchronized boolean isAlive() {
		return process != null && process.isAlive();
	}

	/** The exit code of a process that has ended; empty while it runs. */
	public synchronized OptionalInt exitCode() {
		return process == null || process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
	}

	/**
	 * Stops the process as Ctrl-C would (SIGTERM), then forcibly if it does not stop in
	 * time.
	 */
	public synchronized void stop() throws InterruptedException {
		stopping = true;
		if (process == null) {
			return;
		}
		process.destroy();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	/**
	 * Kills the process with SIGKILL: no shutdown hooks, no graceful close, as a crash
	 * would.
	 */
	public synchronized void kill() throws InterruptedException {
		stopping = true;
		if (process != null) {
			process.destroyForcibly().waitFor();
		}
	}

	/**
	 * Freezes the process with SIGSTOP, as a long collection pause or a stalled host
	 * would: it holds its connections and its state, and does nothing until
	 * {@link #resume}.
	 */
	public synchronized void pause() throws IOException, InterruptedException {
		signal("STOP");
	}

	/** Lets a {@link #pause paused} process run on (SIGCONT). */
	public synchronized void resume() throws IOException, InterruptedException {
		signal("CONT");
	}

	/**
	 * Whether this machine can pause a process: it takes the POSIX {@code kill} command
	 * (the JDK sends no signal but SIGTERM and SIGKILL).
	 */
	public static boolean canPause() {
		try {
			return send("0", ProcessHandle.current().pid()) == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void signal(String signal) throws IOException, InterruptedException {
		if (process != null && process.isAlive() && send(signal, process.pid()) != 0) {
			throw new IOException("kill -" + signal + " " + process.pid() + " failed");
		}
	}

	static int send(String signal, long pid) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		return kill.waitFor(10, TimeUnit.SECONDS) ? kill.exitValue() : -1;
	}

	/**
	 * The JVM options a service runs with: {@code -Dstack.jvm.<service>} (say
	 * {@code -Dstack.jvm.store-service="-Xmx384m -XX:+UseG1GC"}), else
	 * {@code -Dstack.jvm}, else {@link #DEFAULT_JVM_OPTIONS}: a benchmark compares
	 * settings without a rebuild.
	 */
	static List<String> jvmOptions(String service) {
		String options = System.getProperty("stack.jvm." + service,
				System.getProperty("stack.jvm", DEFAULT_JVM_OPTIONS));
		return List.of(options.strip().split("\\s+"));
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java")
			.toString();
	}

}
