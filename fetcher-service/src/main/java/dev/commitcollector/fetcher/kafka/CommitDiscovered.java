package dev.commitcollector.fetcher.kafka;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;

/**
 * The event: one commit of one repository, as a fetch discovered it. Its contract is
 * {@code docs/events/commit-discovered.schema.json}; consumers keep their own copy of
 * this shape. Version 2 added {@code coAuthors}: the fetcher always writes it, an empty
 * list when the message credits no one.
 */
record CommitDiscovered(int schemaVersion, UUID eventId, UUID fetchId, String provider, String repository, String sha,
		String authorName, String authorEmail, String authorLogin, Instant authoredAt, Instant committedAt,
		String messageHeadline, List<CoAuthor> coAuthors, Instant discoveredAt) {

	static final int SCHEMA_VERSION = 2;

	static CommitDiscovered of(Fetch fetch, DiscoveredCommit commit, Instant now) {
		return new CommitDiscovered(SCHEMA_VERSION, UUID.randomUUID(), fetch.id(), fetch.provider(),
				fetch.repository().toString(), commit.sha(), commit.author().name(), commit.author().email(),
				commit.author().login(), commit.authoredAt(), commit.committedAt(), commit.messageHeadline(),
				commit.coAuthors().stream().map(co -> new CoAuthor(co.name(), co.email())).toList(), now);
	}

	/**
	 * The message key: provider and repository. All commits of a repository share a
	 * partition, so one consumer writes a repository's commits and its author counts, in
	 * order, with no two consumers contending for the same author rows.
	 */
	String key() {
		return provider + ":" + repository;
	}

	/** A {@code Co-authored-by} trailer of the commit's message. */
	record CoAuthor(String name, String email) {
	}

}
