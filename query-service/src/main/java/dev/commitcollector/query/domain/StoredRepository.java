package dev.commitcollector.query.domain;

import java.time.Instant;

/**
 * A repository as the store holds it: how many commits and authors, when it last stored
 * some, and its last {@code .mailmap} read ({@code null} when none was read, or where the
 * read did not ask).
 */
public record StoredRepository(RepositoryKey key, long commitCount, long authorCount, Instant lastStoredAt,
		MailmapRead mailmap) {

	public StoredRepository(RepositoryKey key, long commitCount, long authorCount, Instant lastStoredAt) {
		this(key, commitCount, authorCount, lastStoredAt, null);
	}

}
