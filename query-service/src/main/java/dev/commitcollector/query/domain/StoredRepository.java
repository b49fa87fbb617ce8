package dev.commitcollector.query.domain;

import java.time.Instant;

/**
 * A repository as the store holds it: how many commits and authors, and when it last
 * stored some.
 */
public record StoredRepository(RepositoryKey key, long commitCount, long authorCount, Instant lastStoredAt) {
}
