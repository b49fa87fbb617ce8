package dev.commitcollector.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the local stack keeps what PostgreSQL and Kafka hold: a directory kept from one
 * start to the next (the run command's), so stored commits, watches, fetches and consumer
 * offsets outlive a restart; or a temporary one, removed when the stack stops (the
 * tests'). A kept directory is locked while a stack runs on it: two stacks on one
 * directory would be two PostgreSQL servers on one data directory.
 */
public final class StackData implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(StackData.class);

	private final Path directory;

	private final boolean kept;

	private final FileChannel lockFile;

	private StackData(Path directory, boolean kept, FileChannel lockFile) {
		this.directory = directory;
		this.kept = kept;
		this.lockFile = lockFile;
	}

	/**
	 * The directory {@code directory}, created if missing, locked until {@link #close()}.
	 * @throws IllegalStateException when another stack runs on it, or it cannot be
	 * written
	 */
	public static StackData keptIn(Path directory) throws IOException {
		Path absolute = directory.toAbsolutePath().normalize();
		FileChannel channel;
		try {
			Files.createDirectories(absolute);
			channel = FileChannel.open(absolute.resolve("stack.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
		}
		catch (IOException unwritable) {
			throw new IllegalStateException("cannot keep the stack's data in " + absolute + " (" + unwritable
					+ "): set STACK_DATA_DIR to a directory you can write", unwritable);
		}
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException inThisJvm) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("another local stack is running on " + absolute
					+ ": stop it first, or set STACK_DATA_DIR to another directory");
		}
		StackData data = new StackData(absolute, true, channel);
		data.stopLeftovers();
		return data;
	}

	/** A new temporary directory, removed with everything in it by {@link #close()}. */
	public static StackData temporary() throws IOException {
		return new StackData(Files.createTempDirectory("commit-collector-stack"), false, null);
	}

	public Path directory() {
		return directory;
	}

	/** Whether what is written here outlives the stack. */
	public boolean kept() {
		return kept;
	}

	/** PostgreSQL's data directory. */
	Path postgres() {
		return directory.resolve("postgres");
	}

	/** Kafka's configuration and log directory. */
	Path kafka() {
		return directory.resolve("kafka");
	}

	/**
	 * Remembers a process the stack on this directory started, so that if this JVM is
	 * killed, leaving it running, the next stack on the directory stops it before it
	 * starts its own.
	 */
	void started(ProcessHandle process) throws IOException {
		if (kept) {
			Files.writeString(processes(), process.pid() + " " + process.info().startInstant().orElse(null) + "\n",
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
	}

	/**
	 * Stops (SIGTERM, then SIGKILL after 10 s) each process a stack on this directory
	 * started and left running, killed before it could stop them: the same process id
	 * started at the same instant, so a reused id is left alone.
	 */
	private void stopLeftovers() throws IOException {
		if (!Files.exists(processes())) {
			return;
		}
		List<ProcessHandle> leftovers = Files.readAllLines(processes()).stream().flatMap(line -> {
			String[] pidAndStart = line.split(" ");
			return ProcessHandle.of(Long.parseLong(pidAndStart[0]))
				.filter(process -> process.info().startInstant().map(String::valueOf).orElse("").equals(pidAndStart[1]))
				.stream();
		}).toList();
		for (ProcessHandle leftover : leftovers) {
			log.warn("stopping {} ({}), left running by a local stack that was killed", leftover.pid(),
					leftover.info().commandLine().orElse("?"));
			leftover.destroy();
		}
		for (ProcessHandle leftover : leftovers) {
			try {
				// a service left behind retries the broker that went with the killed
				// launcher, and may not stop of its own accord
				leftover.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception notYet) {
				stopForcibly(leftover);
			}
		}
		Files.delete(processes());
	}

	/**
	 * SIGKILL, and the wait for it to take: until the process has gone, its port is still
	 * taken and the service started in its place cannot listen on it.
	 */
	private static void stopForcibly(ProcessHandle leftover) throws IOException {
		leftover.destroyForcibly();
		try {
			leftover.onExit().get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while stopping " + leftover.pid(), ex);
		}
		catch (Exception ex) {
			throw new IOException(leftover.pid() + " still runs after SIGKILL; stop it first", ex);
		}
	}

	private Path processes() {
		return directory.resolve("processes");
	}

	/**
	 * Releases a kept directory, removes a temporary one. Call it once PostgreSQL and
	 * Kafka have stopped.
	 */
	@Override
	public void close() throws IOException {
		if (kept) {
			Files.deleteIfExists(processes());
			lockFile.close();
			return;
		}
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
