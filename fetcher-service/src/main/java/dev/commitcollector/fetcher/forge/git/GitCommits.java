package dev.commitcollector.fetcher.forge.git;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Turns a git commit object into a domain commit, or refuses it with an
 * {@link IllegalArgumentException} saying why. Plain git links no accounts: the login is
 * always null.
 */
final class GitCommits {

	private static final byte[] PARENT = "parent ".getBytes(StandardCharsets.US_ASCII);

	/**
	 * An identity line after its header, as git writes it (the email may hold spaces).
	 */
	private static final Pattern IDENTITY = Pattern.compile("[^<]*<.*> +-?\\d{1,18} +[+-]\\d{1,6}");

	private GitCommits() {
	}

	/**
	 * The headline is the message's first line, as the other adapters read it, so the
	 * same commit reads the same whichever forge reported it.
	 */
	static DiscoveredCommit toDomain(RevCommit commit) {
		byte[] raw = commit.getRawBuffer();
		requireWhole("author", raw, RawParseUtils.author(raw, 0));
		requireWhole("committer", raw, RawParseUtils.committer(raw, 0));
		PersonIdent author = commit.getAuthorIdent();
		PersonIdent committer = commit.getCommitterIdent();
		return DiscoveredCommit.fromMessage(commit.name(),
				new CommitAuthor(author.getName(), author.getEmailAddress(), null), author.getWhenAsInstant(),
				committer.getWhenAsInstant(), commit.getFullMessage(), parents(commit));
	}

	/**
	 * Refuses an identity line git itself cannot read a date from: {@code Name <email>
	 * seconds zone}. JGit reads what it can of any line, and makes up the epoch for a
	 * missing date or takes the date into an unclosed email; nothing is made up here.
	 */
	private static void requireWhole(String header, byte[] raw, int start) {
		if (start < 0) {
			throw new IllegalArgumentException("it has no " + header + " line");
		}
		int end = RawParseUtils.nextLF(raw, start);
		String line = new String(raw, start, end - start, StandardCharsets.ISO_8859_1).stripTrailing();
		if (!IDENTITY.matcher(line).matches()) {
			throw new IllegalArgumentException(
					"its " + header + " line is not 'Name <email> seconds zone': " + header + " " + line);
		}
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
