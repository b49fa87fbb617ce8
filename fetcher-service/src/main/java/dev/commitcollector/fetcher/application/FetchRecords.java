package dev.commitcollector.fetcher.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import reactor.core.publisher.Mono;

/**
 * Every fetch ever requested, as last written; kept across restarts. The running fetches
 * of this process are also in {@link Fetches}, which writes through to here.
 */
public interface FetchRecords {

	/**
	 * Writes {@code fetch} as it stands now; emits whether it was written. It is not when
	 * the fetch has ended (COMPLETED or FAILED: never changed again, so a late write of
	 * an earlier state is ignored) or when another attempt has taken it up since
	 * ({@link #takeUp}: the write of an instance that has not noticed yet that its fetch
	 * moved on is ignored).
	 */
	Mono<Boolean> save(Fetch fetch);

	/**
	 * Counts one more attempt on the fetch, taken up by {@code token}, if it is still
	 * waiting or running, so that the writes of every earlier attempt are ignored from
	 * now on; emits it as recorded then, or nothing when it is not recorded. Taken up by
	 * {@code token} already, it counts no new attempt: the same take-up tried again
	 * (after a timeout whose first try the database ran late) is the same attempt.
	 */
	Mono<Optional<Fetch>> takeUp(UUID id, UUID token);

	Mono<Optional<Fetch>> find(UUID id);

	/**
	 * Records {@code fetch} (QUEUED) unless its repository has a fetch waiting or running
	 * already, atomically across every instance; emits the repository's unfinished fetch:
	 * {@code fetch} itself, or the one that was there first.
	 */
	Mono<Fetch> requestOnce(Fetch fetch);

	/**
	 * Widens the fetch ({@link Fetch#widened}) while it waits for its first take-up, so
	 * that the run its command starts asks for that much; emits it widened, or nothing
	 * once an instance has taken it up or it has ended.
	 */
	Mono<Optional<Fetch>> widen(UUID id, int limit, FetchMode mode);

	/** The repository's fetch that waits or runs, if there is one (at most one is). */
	Mono<Optional<Fetch>> active(RepositoryRef target);

	/** How many fetches wait for their turn, on every instance. */
	Mono<Long> queued();

	/**
	 * Claims up to {@code limit} fetches still QUEUED whose command was last sent before
	 * {@code sentBefore}, marking them sent {@code now} (one instance gets each); emits
	 * them, oldest first.
	 */
	Mono<List<Fetch>> claimLostCommands(Instant sentBefore, Instant now, int limit);

	/** The fetches {@code query} asks for, newest first. */
	Mono<FetchListing> list(FetchQuery query);

}
