package dev.commitcollector.fetcher.web;

import java.time.Instant;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** A fetch as the API shows it. */
@Schema(description = "A fetch: what was asked and how far it got.")
record FetchView(@Schema(description = "The fetch's id.") UUID id,
		@Schema(description = "The provider asked.", example = "github") String provider,
		@Schema(description = "The repository asked.", example = "octocat/Hello-World") String repository,
		@Schema(description = "How many of the newest commits it reads.", example = "1000") int limit,
		@Schema(description = "incremental or full.", allowableValues = {
				"incremental", "full" }) String mode,
		@Schema(description = "QUEUED while it waits for its turn, RUNNING, then COMPLETED or FAILED.",
				allowableValues = { "QUEUED", "RUNNING", "COMPLETED", "FAILED" }) FetchStatus status,
		@Schema(description = "Commits published so far, counted a page at a time once Kafka has acknowledged the whole page (a page whose publishing failed partway is not counted, though some of its commits may be stored).") long commitsDiscovered,
		@Schema(description = "Commits walked past because an earlier fetch published them.") long commitsAlreadyKnown,
		@Schema(description = "Commits the forge listed that could not be read (no sha, a date out of range, ...): not published, each logged with its reason and counted (commits_unreadable_total); the rest of the history is read.") long commitsSetAside,
		@Schema(description = "Set only when it failed: why, written to be acted on (for a rate limit: when to retry).") String error,
		@Schema(description = "When it was requested (ISO-8601).") Instant startedAt,
		@Schema(description = "When it ended; null before.") Instant finishedAt,
		@Schema(description = "Set while it waits for the forge's rate limit: until when.") Instant waitingUntil,
		@Schema(description = "The W3C trace id of the request that asked for it; the fetch's run, its command and its events are part of that trace.",
				example = "4bf92f3577b34da6a3ce929d0e0e4736") String traceId,
		@Schema(description = "How many times an instance has taken it up: 0 while it waits for its first run, 1 once it runs, more when another instance took it up again after the one running it stopped or lost its partition (it walks the history again from the newest commit).",
				example = "1") int attempt){

	static FetchView of(Fetch fetch) {
		return new FetchView(fetch.id(), fetch.provider(), fetch.repository().toString(), fetch.limit(),
				fetch.mode().name().toLowerCase(java.util.Locale.ROOT), fetch.status(), fetch.commitsDiscovered(),
				fetch.commitsAlreadyKnown(), fetch.commitsSetAside(), fetch.error(), fetch.startedAt(),
				fetch.finishedAt(), fetch.waitingUntil(), fetch.traceId(), fetch.attempt());
	}

}
