package dev.commitcollector.fetcher.web;

import java.time.Instant;
import java.util.UUID;

import dev.commitcollector.fetcher.application.Watching.WatchReport;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.Watch;
import io.swagger.v3.oas.annotations.media.Schema;

/** A watch as the API shows it; {@code lastFetch} is null before its first turn. */
@Schema(description = "A watch: a repository fetched again every interval.")
record WatchView(@Schema(description = "The watch's id.") UUID id,
		@Schema(description = "The provider.", example = "github") String provider,
		@Schema(description = "The repository.", example = "octocat/Hello-World") String repository,
		@Schema(description = "How many of the newest commits each fetch reads.", example = "1000") int limit,
		@Schema(description = "How often, as an ISO-8601 duration.", format = "duration",
				example = "PT1H") String interval,
		@Schema(description = "When it was added.") Instant createdAt,
		@Schema(description = "When its next turn is due.") Instant nextRunAt,
		@Schema(description = "The fetch it started last; null before its first turn.") LastFetch lastFetch,
		@Schema(description = "Turns in a row that found the fetch before them FAILED; each doubles the wait "
				+ "before the next turn, up to a day (or the interval, if longer). 0 once a fetch did not fail.",
				example = "0") int failedTurns) {

	static WatchView of(WatchReport report) {
		Watch watch = report.watch();
		LastFetch last = report.lastFetch()
			.map(fetch -> new LastFetch(fetch.id(), fetch.status()))
			.orElse(watch.lastFetch() == null ? null : new LastFetch(watch.lastFetch(), null));
		return new WatchView(watch.id(), watch.provider(), watch.repository().toString(), watch.limit(),
				watch.interval().toString(), watch.createdAt(), watch.nextRunAt(), last, watch.failedTurns());
	}

	/**
	 * The fetch the watch started last; its status is null when no record of it is left.
	 */
	@Schema(description = "The fetch a watch started last.")
	record LastFetch(@Schema(description = "The fetch's id.") UUID id,
			@Schema(description = "Its status, read from the fetch; null when no record of it is left.",
					allowableValues = {
							"QUEUED", "RUNNING", "COMPLETED", "FAILED" }) FetchStatus status){
	}

}
