package dev.commitcollector.fetcher.kafka;

import java.time.Instant;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.Mailmap;

/**
 * The event: a repository's {@code .mailmap} at the head a fetch walked from, unparsed.
 * Its contract is {@code docs/events/mailmap-discovered.schema.json}. {@code mailmap} is
 * null when the repository has none, or when it was too large ({@code truncated}).
 */
record MailmapDiscovered(int schemaVersion, UUID eventId, UUID fetchId, String provider, String repository, String sha,
		String mailmap, boolean truncated, Instant discoveredAt) {

	static final int SCHEMA_VERSION = 1;

	static MailmapDiscovered of(Fetch fetch, String head, Mailmap mailmap, Instant headAsked) {
		return new MailmapDiscovered(SCHEMA_VERSION, UUID.randomUUID(), fetch.id(), fetch.provider(),
				fetch.repository().toString(), head, mailmap.text(), mailmap.truncated(), headAsked);
	}

	/** The same event saying the file was too large to pass on. */
	MailmapDiscovered asTooLarge() {
		return new MailmapDiscovered(schemaVersion, eventId, fetchId, provider, repository, sha, null, true,
				discoveredAt);
	}

	/**
	 * The message key, as for {@code CommitDiscovered}: provider and repository. The
	 * topic is compacted, so it keeps each repository's latest mailmap.
	 */
	String key() {
		return provider + ":" + repository;
	}

}
