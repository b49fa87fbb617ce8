package dev.commitcollector.store.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A repository's {@code .mailmap} as one fetch found it at {@code sha}: {@code present}
 * is false when the repository has none; {@code truncated} when the file was cut to its
 * bound on the way. The newest by {@code discoveredAt} is the one that holds.
 */
public record MailmapRecord(String provider, String repository, String sha, UUID eventId, UUID fetchId,
		Instant discoveredAt, boolean present, boolean truncated, Mailmap mailmap) {
}
