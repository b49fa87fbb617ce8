package dev.commitcollector.store.kafka;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The store's own copy of the event. The contract both sides keep is
 * {@code docs/events/commit-discovered.schema.json}; fields added later are ignored here.
 * {@code coAuthors} is version 2's; it is read whenever it is there, so a version 1 event
 * that already carries it (as the fetcher sent before the store read version 2) loses
 * nothing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommitDiscovered(Integer schemaVersion, UUID eventId, UUID fetchId, String provider, String repository,
		String sha, String authorName, String authorEmail, String authorLogin, Instant authoredAt, Instant committedAt,
		String messageHeadline, Instant discoveredAt, List<Person> coAuthors) {

	/** A co-author as the trailer names them. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Person(String name, String email) {
	}

}
