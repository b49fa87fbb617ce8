package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeText;
import dev.commitcollector.fetcher.forge.http.CommitItems;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fetched history in its temporary repository, walked newest first by commit time (as
 * {@code git log} shows it, {@link NewestFirst}) a page at a time, up to {@code limit}
 * commits. Closing it deletes the repository.
 */
final class FetchedHistory implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FetchedHistory.class);

	/** The most UTF-8 bytes of a reason a log line quotes. */
	private static final int QUOTED_BYTES = 300;

	private Path directory;

	private Repository repository;

	private final ObjectId head;

	private RevWalk walk;

	private NewestFirst newestFirst;

	/** How many commits the walk has given. */
	private int walked;

	private int remaining;

	/** Read one ahead, so that the last page knows it is the last. */
	private RevCommit next;

	private boolean closed;

	/** Null once asked. */
	private Deepening deepening;

	FetchedHistory(Path directory, Repository repository, ObjectId head, int limit, Deepening deepening)
			throws IOException {
		this.directory = directory;
		this.repository = repository;
		this.head = head;
		this.remaining = limit;
		this.deepening = deepening;
		try {
			walkFromHead();
			this.next = newer();
		}
		catch (IOException | RuntimeException ex) {
			walk.close();
			if (!this.directory.equals(directory)) {
				// the whole history's: the caller discards only its own
				ShallowFetch.discard(this.repository, this.directory);
			}
			throw ex;
		}
	}

	private void walkFromHead() throws IOException {
		walk = new RevWalk(repository);
		newestFirst = new NewestFirst(walk, walk.lookupCommit(head));
	}

	/**
	 * The next up to {@code size} commits; fails with {@link Closed} once closed. A
	 * commit that cannot be read whole is set aside, logged and counted, and takes its
	 * place among the {@code limit} as it does on every forge: the commits around it are
	 * read.
	 */
	synchronized CommitItems.Read page(int size) throws IOException {
		if (closed) {
			throw new Closed();
		}
		List<DiscoveredCommit> commits = new ArrayList<>(Math.min(size, remaining));
		int unreadable = 0;
		while (next != null && remaining > 0 && commits.size() + unreadable < size) {
			try {
				commits.add(GitCommits.toDomain(next));
			}
			catch (IllegalArgumentException | DateTimeException | ArithmeticException ex) {
				unreadable++;
				log.warn("the git commit {} cannot be read; it is set aside: {}", next.name(),
						ForgeText.clean(ex.getMessage(), QUOTED_BYTES));
			}
			next.disposeBody(); // the walk keeps every commit it saw: keep them small
			remaining--;
			next = remaining > 0 ? newer() : null;
		}
		return new CommitItems.Read(commits, unreadable);
	}

	/**
	 * The walk's next commit. A server that computes a shallow fetch's boundary wrongly
	 * leaves out a commit it does not mark as cut: JGit serving the fetch itself (over
	 * file://, and JGit-based servers) does where a commit is committed after 2038-01-19,
	 * its time kept in 32 bits. The history is then fetched whole, once, and walked again
	 * from the head to where it was: a new walk, as the old one took the wrong boundary's
	 * commits for ones without parents.
	 */
	private RevCommit newer() throws IOException {
		RevCommit newer;
		try {
			newer = newestFirst.next();
		}
		catch (MissingObjectException ex) {
			if (deepening == null) {
				throw ex;
			}
			log.warn("the shallow git fetch lacks commit {}, which it should have brought; fetching the whole history",
					ex.getObjectId().name());
			Deepening once = deepening;
			deepening = null;
			Whole whole = once.deepen();
			walk.close();
			ShallowFetch.discard(repository, directory);
			directory = whole.directory();
			repository = whole.repository();
			walkFromHead();
			for (int given = 0; given < walked; given++) {
				newestFirst.next();
			}
			newer = newestFirst.next();
		}
		walked++;
		return newer;
	}

	synchronized boolean exhausted() {
		return next == null || remaining == 0;
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		walk.close();
		repository.close();
		deleteQuietly(directory);
	}

	/**
	 * Fetches the whole history; asked once, when the walk meets a commit the shallow
	 * fetch should have brought and did not.
	 */
	interface Deepening {

		Whole deepen() throws IOException;

	}

	/** A whole history, fetched into a temporary repository of its own. */
	record Whole(Path directory, Repository repository) {
	}

	/** The history was closed (after its idle time) before this page was read. */
	static final class Closed extends IllegalStateException {

		Closed() {
			super("the fetched history is closed");
		}

	}

	static void deleteQuietly(Path directory) {
		try {
			FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
		}
		catch (IOException ex) {
			log.warn("could not delete the temporary repository {}: {}", directory, ex.getMessage());
		}
	}

}
