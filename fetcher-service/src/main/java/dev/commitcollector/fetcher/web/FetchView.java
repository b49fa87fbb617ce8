package dev.commitcollector.fetcher.web;

import java.time.Instant;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchStatus;

/** A fetch as the API shows it. */
record FetchView(UUID id, String provider, String repository, int limit, FetchStatus status, long commitsDiscovered,
		String error, Instant startedAt, Instant finishedAt, Instant waitingUntil) {

	static FetchView of(Fetch fetch) {
		return new FetchView(fetch.id(), fetch.provider(), fetch.repository().toString(), fetch.limit(),
				fetch.status(), fetch.commitsDiscovered(), fetch.error(), fetch.startedAt(), fetch.finishedAt(),
				fetch.waitingUntil());
	}

}
