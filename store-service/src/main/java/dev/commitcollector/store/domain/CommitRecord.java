package dev.commitcollector.store.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A commit to store: unique per (provider, repository, sha), attributed to an
 * {@link AuthorIdentity}.
 */
public record CommitRecord(String provider, String repository, String sha, AuthorIdentity author, String authorName,
		String authorEmail, String authorLogin, Instant authoredAt, Instant committedAt, String messageHeadline,
		UUID eventId, UUID fetchId) {
}
