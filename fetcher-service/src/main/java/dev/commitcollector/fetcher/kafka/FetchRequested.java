package dev.commitcollector.fetcher.kafka;

import java.time.Instant;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;

/**
 * The command: run this fetch. Its contract is
 * {@code docs/events/fetch-requested.schema.json}. It carries the whole fetch as
 * requested, so an instance can run it even if its record were lost.
 */
record FetchRequested(int schemaVersion, UUID fetchId, String provider, String repository, int limit, String mode,
		Instant requestedAt, String traceparent) {

	static final int SCHEMA_VERSION = 1;

	/** Paths of every forge type fit in this many segments. */
	private static final int ANY_DEPTH = Integer.MAX_VALUE;

	static FetchRequested of(Fetch fetch) {
		return new FetchRequested(SCHEMA_VERSION, fetch.id(), fetch.provider(), fetch.repository().toString(),
				fetch.limit(), fetch.mode().name(), fetch.startedAt(), fetch.traceparent());
	}

	/**
	 * The message key: provider and repository, as for {@code CommitDiscovered}. A
	 * repository's commands share a partition, so one instance at a time takes them up,
	 * in order.
	 */
	String key() {
		return provider + ":" + repository;
	}

	/**
	 * The fetch it asks for, waiting for its turn; fails with
	 * {@link IllegalArgumentException} saying what is wrong with a command that does not
	 * hold one.
	 */
	Fetch fetch() {
		if (schemaVersion != SCHEMA_VERSION) {
			throw new IllegalArgumentException("schemaVersion " + schemaVersion + " is not one this fetcher reads");
		}
		if (fetchId == null || provider == null || provider.isBlank() || repository == null || mode == null
				|| requestedAt == null) {
			throw new IllegalArgumentException("fetchId, provider, repository, mode and requestedAt are required");
		}
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, was " + limit);
		}
		RepositoryRef target = new RepositoryRef(provider, RepositoryPath.parse(repository, ANY_DEPTH));
		return new Fetch(fetchId, target, limit, FetchMode.valueOf(mode), FetchStatus.QUEUED, Fetch.Progress.NONE, null,
				requestedAt, null, null, traceparent);
	}

}
