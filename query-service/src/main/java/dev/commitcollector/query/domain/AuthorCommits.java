package dev.commitcollector.query.domain;

import java.time.Instant;
import java.util.List;

/**
 * One author of a repository with every one of their commits there, newest first; how
 * many commits credit them as a co-author; and, for a person of the merged view, every
 * raw key folded in ({@code null} in the raw view).
 */
public record AuthorCommits(String key, String login, List<String> names, List<String> emails, long commitCount,
		long coAuthoredCount, List<String> keys, List<CommitRef> commits) {

	/** A commit as the author listing shows it. */
	public record CommitRef(String sha, Instant authoredAt) {
	}

}
