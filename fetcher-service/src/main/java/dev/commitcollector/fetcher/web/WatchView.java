package dev.commitcollector.fetcher.web;

import java.time.Instant;
import java.util.UUID;

import dev.commitcollector.fetcher.application.Watching.WatchReport;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.Watch;

/** A watch as the API shows it; {@code lastFetch} is null before its first turn. */
record WatchView(UUID id, String provider, String repository, int limit, String interval, Instant createdAt,
		Instant nextRunAt, LastFetch lastFetch) {

	static WatchView of(WatchReport report) {
		Watch watch = report.watch();
		LastFetch last = report.lastFetch()
			.map(fetch -> new LastFetch(fetch.id(), fetch.status()))
			.orElse(watch.lastFetch() == null ? null : new LastFetch(watch.lastFetch(), null));
		return new WatchView(watch.id(), watch.provider(), watch.repository().toString(), watch.limit(),
				watch.interval().toString(), watch.createdAt(), watch.nextRunAt(), last);
	}

	/**
	 * The fetch the watch started last; its status is null when no record of it is left.
	 */
	record LastFetch(UUID id, FetchStatus status) {
	}

}
