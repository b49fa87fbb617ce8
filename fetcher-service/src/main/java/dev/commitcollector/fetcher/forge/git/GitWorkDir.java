package dev.commitcollector.fetcher.forge.git;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The folder plain-git fetches keep their temporary repositories in, under
 * {@code java.io.tmpdir}: what a fetcher that crashed left there is deleted when the next
 * one starts, and what is still open is deleted when the fetcher stops.
 */
public final class GitWorkDir implements AutoCloseable {

	/**
	 * How long a fetched history waits for its next page to be asked for before it is
	 * deleted.
	 */
	static final Duration IDLE = Duration.ofMinutes(10);

	private final Path path;

	private final Duration idle;

	private final List<FetchedHistories> open = new CopyOnWriteArrayList<>();

	GitWorkDir(Path path, Duration idle) {
		this.path = path;
		this.idle = idle;
	}

	/** The fetcher's folder, cleared of what a fetcher that was killed left. */
	public static GitWorkDir clearedOfLeftovers(Clock clock) {
		return clearedOfLeftovers(Path.of(System.getProperty("java.io.tmpdir"), "commit-collector-git"), clock);
	}

	static GitWorkDir clearedOfLeftovers(Path path, Clock clock) {
		LeftoverFetches.clear(path, IDLE, clock);
		return new GitWorkDir(path, IDLE);
	}

	Path path() {
		return path;
	}

	/** The histories one forge fetches here; closed with this folder. */
	FetchedHistories histories() {
		FetchedHistories histories = new FetchedHistories(idle);
		open.add(histories);
		return histories;
	}

	/**
	 * Deletes the repositories of fetches still being paged: the application is stopping.
	 */
	@Override
	public void close() {
		open.forEach(FetchedHistories::closeAll);
	}

}
