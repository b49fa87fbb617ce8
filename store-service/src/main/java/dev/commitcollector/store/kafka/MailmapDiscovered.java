package dev.commitcollector.store.kafka;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The store's own copy of the event a fetch publishes with the repository's
 * {@code .mailmap} (or {@code null} when it has none), on topic
 * {@code mailmaps.discovered}, keyed {@code <provider>:<repository>}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MailmapDiscovered(Integer schemaVersion, UUID eventId, UUID fetchId, String provider, String repository,
		String sha, String mailmap, Boolean truncated, Instant discoveredAt) {
}
