package dev.commitcollector.query.domain;

import java.time.Instant;
import java.util.List;

/** One author of a repository with every one of their commits there, newest first. */
public record AuthorCommits(String key, String login, List<String> names, List<String> emails, long commitCount,
		List<CommitRef> commits) {

	/** A commit as the author listing shows it. */
	public record CommitRef(String sha, Instant authoredAt) {
	}

}
