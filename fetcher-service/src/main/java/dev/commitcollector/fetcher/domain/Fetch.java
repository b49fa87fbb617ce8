package dev.commitcollector.fetcher.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One run that reads up to {@code limit} of a repository's newest commits from a forge.
 * Immutable: each step of the run yields the next snapshot.
 */
public record Fetch(UUID id, String provider, RepositoryPath repository, int limit, FetchMode mode, FetchStatus status,
		long commitsDiscovered, long commitsAlreadyKnown, String error, Instant startedAt, Instant finishedAt,
		Instant waitingUntil) {

	public static Fetch start(String provider, RepositoryPath repository, int limit, Instant now) {
		return start(provider, repository, limit, FetchMode.INCREMENTAL, now);
	}

	public static Fetch start(String provider, RepositoryPath repository, int limit, FetchMode mode, Instant now) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		return new Fetch(UUID.randomUUID(), provider, repository, limit, mode, FetchStatus.RUNNING, 0, 0, null, now,
				null, null);
	}

	public Fetch discovered(long count) {
		return new Fetch(id, provider, repository, limit, mode, status, commitsDiscovered + count, commitsAlreadyKnown,
				error, startedAt, finishedAt, waitingUntil);
	}

	/** Walked past {@code count} commits an earlier fetch already published. */
	public Fetch alreadyKnown(long count) {
		return new Fetch(id, provider, repository, limit, mode, status, commitsDiscovered, commitsAlreadyKnown + count,
				error, startedAt, finishedAt, waitingUntil);
	}

	public Fetch completed(Instant now) {
		return new Fetch(id, provider, repository, limit, mode, FetchStatus.COMPLETED, commitsDiscovered,
				commitsAlreadyKnown, null, startedAt, now, null);
	}

	public Fetch failed(String reason, Instant now) {
		return new Fetch(id, provider, repository, limit, mode, FetchStatus.FAILED, commitsDiscovered,
				commitsAlreadyKnown, reason, startedAt, now, null);
	}

	/**
	 * Waiting for the forge's rate limit until {@code until}; {@code null}: not waiting.
	 */
	public Fetch waiting(Instant until) {
		return new Fetch(id, provider, repository, limit, mode, status, commitsDiscovered, commitsAlreadyKnown, error,
				startedAt, finishedAt, until);
	}

	/** The same provider and repository. */
	public boolean isOf(String provider, RepositoryPath repository) {
		return this.provider.equals(provider) && this.repository.equals(repository);
	}

	/** How many more commits this fetch may still publish. */
	public int remaining() {
		return (int) Math.max(0, limit - commitsDiscovered - commitsAlreadyKnown);
	}

}
