package dev.commitcollector.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A commit to store: unique per (provider, repository, sha), attributed to an
 * {@link AuthorIdentity}, with the co-authors its message credits (each once, never its
 * own author).
 */
public record CommitRecord(String provider, String repository, String sha, AuthorIdentity author, String authorName,
		String authorEmail, String authorLogin, Instant authoredAt, Instant committedAt, String messageHeadline,
		UUID eventId, UUID fetchId, List<CoAuthor> coAuthors) {

	public CommitRecord {
		coAuthors = List.copyOf(coAuthors);
	}

	/** A commit that credits no co-author (a schema version 1 event). */
	public CommitRecord(String provider, String repository, String sha, AuthorIdentity author, String authorName,
			String authorEmail, String authorLogin, Instant authoredAt, Instant committedAt, String messageHeadline,
			UUID eventId, UUID fetchId) {
		this(provider, repository, sha, author, authorName, authorEmail, authorLogin, authoredAt, committedAt,
				messageHeadline, eventId, fetchId, List.of());
	}

}
