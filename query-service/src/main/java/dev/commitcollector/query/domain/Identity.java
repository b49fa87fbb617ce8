package dev.commitcollector.query.domain;

import java.time.Instant;
import java.util.List;

/**
 * One raw identity of a repository as the store keys it: an author, or a co-author who
 * never authored a commit there ({@code commitCount} 0, no {@code lastAuthoredAt}).
 */
public record Identity(String key, String login, List<String> names, List<String> emails, long commitCount,
		long coAuthoredCount, Instant lastAuthoredAt) {
}
