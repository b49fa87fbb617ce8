package dev.commitcollector.query.domain;

import java.time.Instant;
import java.util.List;

/**
 * An author of a repository without their commits: identity, how many commits, the newest
 * one's date, and how many commits credit them as a co-author.
 */
public record AuthorSummary(String key, String login, List<String> names, List<String> emails, long commitCount,
		Instant lastAuthoredAt, long coAuthoredCount) {
}
