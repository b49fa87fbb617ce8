package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * Cancels a git fetch once what it wrote to its temporary repository outgrows a bound:
 * JGit sets no limit on the size of a pack it receives, but asks its progress monitor,
 * while receiving, whether to go on. The folder is measured at most every
 * {@link #EVERY_UPDATES} updates.
 */
final class PackSizeGuard implements ProgressMonitor {

	static final int EVERY_UPDATES = 256;

	private final Path directory;

	private final long maxBytes;

	private int updates;

	private boolean exceeded;

	PackSizeGuard(Path directory, long maxBytes) {
		this.directory = directory;
		this.maxBytes = maxBytes;
	}

	/** True once the fetch was stopped for its size. */
	boolean exceeded() {
		return exceeded;
	}

	@Override
	public boolean isCancelled() {
		if (!exceeded && updates++ % EVERY_UPDATES == 0) {
			exceeded = sizeOf(directory) > maxBytes;
		}
		return exceeded;
	}

	static long sizeOf(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> {
				try {
					return Files.size(file);
				}
				catch (IOException gone) {
					return 0; // JGit renames its temporary files as it goes
				}
			}).sum();
		}
		catch (IOException | UncheckedIOException ex) {
			return 0;
		}
	}

	@Override
	public void start(int totalTasks) {
	}

	@Override
	public void beginTask(String title, int totalWork) {
	}

	@Override
	public void update(int completed) {
	}

	@Override
	public void endTask() {
	}

	@Override
	public void showDuration(boolean enabled) {
	}

}
