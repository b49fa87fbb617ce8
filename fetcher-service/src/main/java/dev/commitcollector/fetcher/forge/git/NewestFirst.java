package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.util.Comparator;
import java.util.PriorityQueue;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A history walked as {@code git log} walks it: the newest commit by commit time first,
 * then its parents join the queue; commits of the same time in the order they joined.
 * JGit's own sort keeps a commit's time in 32 bits, so a commit committed after
 * 2038-01-19 would sort as one from long ago; here the time is read in 64 bits. The
 * shallow boundary's commits have no parents to walk (JGit cuts them when it parses).
 */
final class NewestFirst {

	private static final Comparator<Queued> ORDER = Comparator.comparingLong(Queued::time)
		.reversed()
		.thenComparingLong(Queued::joined);

	private final RevWalk walk;

	private final RevFlag queued;

	private final PriorityQueue<Queued> queue = new PriorityQueue<>(ORDER);

	private long joined;

	NewestFirst(RevWalk walk, RevCommit head) throws IOException {
		this.walk = walk;
		this.queued = walk.newFlag("queued");
		join(head);
	}

	/**
	 * The next commit, its headers parsed; null once the history is walked. A parent that
	 * cannot be read fails the call and changes nothing: once the missing commit is
	 * fetched, the same call can be made again.
	 */
	RevCommit next() throws IOException {
		Queued newest = queue.peek();
		if (newest == null) {
			return null;
		}
		for (RevCommit parent : newest.commit().getParents()) {
			walk.parseHeaders(parent);
		}
		queue.poll();
		for (RevCommit parent : newest.commit().getParents()) {
			if (!parent.has(queued)) {
				join(parent);
			}
		}
		return newest.commit();
	}

	private void join(RevCommit commit) throws IOException {
		walk.parseHeaders(commit);
		commit.add(queued);
		queue.add(new Queued(commit, time(commit), joined++));
	}

	/**
	 * The commit time in seconds, as the committer line says it; JGit's own (32-bit)
	 * where that line cannot be read.
	 */
	private static long time(RevCommit commit) {
		try {
			PersonIdent committer = commit.getCommitterIdent();
			if (committer != null) {
				return committer.getWhenAsInstant().getEpochSecond();
			}
		}
		catch (RuntimeException unreadable) {
			// set aside when the commit is read; ordered by JGit's time meanwhile
		}
		return commit.getCommitTime();
	}

	private record Queued(RevCommit commit, long time, long joined) {
	}

}
