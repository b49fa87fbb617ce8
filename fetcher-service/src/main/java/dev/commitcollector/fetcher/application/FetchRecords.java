package dev.commitcollector.fetcher.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import reactor.core.publisher.Mono;

/**
 * Every fetch ever requested, as last written; kept across restarts. The running fetches
 * of this process are also in {@link Fetches}, which writes through to here.
 */
public interface FetchRecords {

	/**
	 * Writes {@code fetch} as it stands now. A fetch that has ended (COMPLETED or FAILED)
	 * is never changed again: a late write of an earlier state is ignored.
	 */
	Mono<Void> save(Fetch fetch);

	Mono<Optional<Fetch>> find(UUID id);

	/**
	 * Ends every fetch still QUEUED or RUNNING as FAILED with {@code reason}; emits how
	 * many. Only for a fetcher that runs as the one instance, at its start: nothing else
	 * can still be running them.
	 */
	Mono<Long> abandonUnfinished(String reason, Instant now);

	/** The fetches {@code query} asks for, newest first. */
	Mono<FetchListing> list(FetchQuery query);

}
