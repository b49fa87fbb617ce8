package dev.commitcollector.fetcher.web;

import java.time.Instant;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchStatus;

/** A fetch as the API shows it. */
record FetchView(UUID id, String provider, String repository, int limit, String mode, FetchStatus status,
		long commitsDiscovered, long commitsAlreadyKnown, String error, Instant startedAt, Instant finishedAt,
		Instant waitingUntil) {

	static FetchView of(Fetch fetch) {
		return new FetchView(fetch.id(), fetch.provider(), fetch.repository().toString(), fetch.limit(),
				fetch.mode().name().toLowerCase(java.util.Locale.ROOT), fetch.status(), fetch.commitsDiscovered(),
				fetch.commitsAlreadyKnown(), fetch.error(), fetch.startedAt(), fetch.finishedAt(),
				fetch.waitingUntil());
	}

}
