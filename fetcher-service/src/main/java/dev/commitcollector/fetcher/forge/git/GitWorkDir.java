package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder plain-git fetches keep their temporary repositories in: this fetcher's own
 * under a folder fetchers share ({@code java.io.tmpdir}/commit-collector-git,
 * {@link OwnedFolder}). What a fetcher that was killed left there is deleted when the
 * next one starts; what is still open is deleted when the fetcher stops.
 */
public final class GitWorkDir implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GitWorkDir.class);

	/**
	 * How long a fetched history waits for its next page to be asked for before it is
	 * deleted.
	 */
	static final Duration IDLE = Duration.ofMinutes(10);

	private final Path path;

	private final Duration idle;

	private final List<FetchedHistories> open = new CopyOnWriteArrayList<>();

	/** Null where the folder is not this process's to delete (tests). */
	private final OwnedFolder owned;

	GitWorkDir(Path path, Duration idle) {
		this(path, idle, null);
	}

	private GitWorkDir(Path path, Duration idle, OwnedFolder owned) {
		this.path = path;
		this.idle = idle;
		this.owned = owned;
	}

	/** The fetcher's folder, after what fetchers that were killed left is cleared. */
	public static GitWorkDir clearedOfLeftovers(Clock clock) {
		return clearedOfLeftovers(Path.of(System.getProperty("java.io.tmpdir"), "commit-collector-git"), clock);
	}

	static GitWorkDir clearedOfLeftovers(Path shared, Clock clock) {
		// fetchers before owned folders kept their fetches right under the shared one
		LeftoverFetches.clear(shared, IDLE, clock);
		int cleared = OwnedFolder.clearUnowned(shared);
		if (cleared > 0) {
			log.info("deleted the git fetch folders of {} fetchers that stopped without deleting them, under {}",
					cleared, shared);
		}
		try {
			OwnedFolder owned = OwnedFolder.claim(shared);
			return new GitWorkDir(owned.path(), IDLE, owned);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not make a folder for git fetches under " + shared, ex);
		}
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
	 * Deletes the repositories of fetches still being paged, and this fetcher's folder:
	 * the application is stopping.
	 */
	@Override
	public void close() {
		open.forEach(FetchedHistories::closeAll);
		if (owned != null) {
			owned.close();
		}
	}

}
