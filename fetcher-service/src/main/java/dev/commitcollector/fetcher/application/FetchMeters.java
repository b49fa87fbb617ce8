package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.Fetch;

/**
 * What the fetches report to the operator's meters: each ended fetch, each wait for a
 * forge's rate limit, each page of commits published, each mailmap that was not.
 */
public interface FetchMeters {

	/** Meters nothing: for tests that run fetches directly. */
	FetchMeters NONE = new FetchMeters() {
	};

	/** {@code fetch} has ended, COMPLETED or FAILED. */
	default void ended(Fetch fetch) {
	}

	/** A fetch of {@code provider} began to wait for the forge's rate limit. */
	default void waitedForRateLimit(String provider) {
	}

	/**
	 * {@code count} commits of {@code provider} were published (Kafka acknowledged them).
	 */
	default void published(String provider, int count) {
	}

	/**
	 * {@code provider} sent {@code count} commits that could not be read; they were set
	 * aside.
	 */
	default void unreadable(String provider, int count) {
	}

	/**
	 * A fetch of {@code provider} could not read or publish its repository's
	 * {@code .mailmap}.
	 */
	default void mailmapFailed(String provider) {
	}

}
