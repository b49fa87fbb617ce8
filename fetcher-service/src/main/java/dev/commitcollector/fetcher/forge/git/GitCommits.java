package dev.commitcollector.fetcher.forge.git;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Turns a git commit object into a domain commit. Plain git links no accounts: the login
 * is always null.
 */
final class GitCommits {

	private static final byte[] PARENT = "parent ".getBytes(StandardCharsets.US_ASCII);

	private GitCommits() {
	}

	/**
	 * The headline is the message's first line, as the other adapters read it, so the
	 * same commit reads the same whichever forge reported it.
	 */
	static DiscoveredCommit toDomain(RevCommit commit) {
		PersonIdent author = commit.getAuthorIdent();
		PersonIdent committer = commit.getCommitterIdent();
		if (author == null || committer == null) {
			throw new ForgeFailure.MalformedAnswer("git commit " + commit.name() + " has no author or committer");
		}
		return DiscoveredCommit.fromMessage(commit.name(),
				new CommitAuthor(author.getName(), author.getEmailAddress(), null), author.getWhenAsInstant(),
				committer.getWhenAsInstant(), commit.getFullMessage(), parents(commit));
	}

	/**
	 * The parent lines of the commit object. Read from the raw object, not
	 * {@link RevCommit#getParents()}: RevWalk cuts the parents of a shallow fetch's
	 * boundary commits, but they are still their parents.
	 */
	static List<String> parents(RevCommit commit) {
		byte[] raw = commit.getRawBuffer();
		List<String> parents = new ArrayList<>(2);
		int line = RawParseUtils.nextLF(raw, 0); // past "tree <id>"
		while (RawParseUtils.match(raw, line, PARENT) >= 0) {
			parents.add(ObjectId.fromString(raw, line + PARENT.length).name());
			line = RawParseUtils.nextLF(raw, line);
		}
		return parents;
	}

}
