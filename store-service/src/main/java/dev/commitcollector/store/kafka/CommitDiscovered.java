package dev.commitcollector.store.kafka;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The store's own copy of the event. The contract both sides keep is
 * {@code docs/events/commit-discovered.schema.json}; fields added later are ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommitDiscovered(Integer schemaVersion, UUID eventId, UUID fetchId, String provider, String repository,
		String sha, String authorName, String authorEmail, String authorLogin, Instant authoredAt, Instant committedAt,
		String messageHeadline, Instant discoveredAt) {
}
