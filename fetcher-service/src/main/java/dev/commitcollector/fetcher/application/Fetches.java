package dev.commitcollector.fetcher.application;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The fetches this instance runs and has run, newest kept in memory (the oldest finished
 * ones are forgotten past a bound), each written through to {@link FetchRecords} as it
 * progresses and when it ends. Fetches requested here and run elsewhere, and those of
 * other instances and earlier processes, are found there.
 */
@Component
public class Fetches {

	private static final Logger log = LoggerFactory.getLogger(Fetches.class);

	static final int REMEMBERED = 10_000;

	/**
	 * How often the FAILED state of a fetch that was never taken up is tried again before
	 * giving up on it (the request that abandons it waits for this), and the record of a
	 * fetch another attempt took over is read again.
	 */
	private static final Retry A_FEW_TIMES = Retry.backoff(5, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5));

	private static final Duration FIRST_FINAL_WRITE_BACKOFF = Duration.ofMillis(200);

	private final Map<UUID, Fetch> byId = new LinkedHashMap<>();

	private final FetchRecords records;

	private final Duration finalWriteMaxBackoff;

	public Fetches(FetchRecords records) {
		this(records, new FetchSettings(1));
	}

	@Autowired
	public Fetches(FetchRecords records, FetchSettings settings) {
		this.records = records;
		this.finalWriteMaxBackoff = settings.finalWriteMaxBackoff();
	}

	synchronized void add(Fetch fetch) {
		byId.put(fetch.id(), fetch);
		if (byId.size() > REMEMBERED) {
			byId.values()
				.stream()
				.filter(f -> f.finishedAt() != null)
				.findFirst()
				.ifPresent(oldest -> byId.remove(oldest.id()));
		}
	}

	/**
	 * Records {@code fetch} as requested unless its repository has an unfinished fetch
	 * already (on any instance); emits the repository's unfinished fetch: {@code fetch},
	 * or the one that was there. Fails with {@link NotRecorded} when that cannot be told.
	 */
	Mono<Fetch> request(Fetch fetch) {
		return records.requestOnce(fetch).onErrorMap(NotRecorded::new);
	}

	/** See {@link FetchRecords#widen}. */
	Mono<Optional<Fetch>> widen(Fetch fetch, int limit, FetchMode mode) {
		return records.widen(fetch.id(), limit, mode).onErrorMap(NotRecorded::new);
	}

	/** The repository's fetch that waits or runs, on any instance, if there is one. */
	Mono<Optional<Fetch>> active(RepositoryRef target) {
		return records.active(target);
	}

	/** How many fetches wait for their turn, on every instance. */
	Mono<Long> queued() {
		return records.queued();
	}

	/** See {@link FetchRecords#claimLostCommands}. */
	Mono<List<Fetch>> claimLostCommands(Instant sentBefore, Instant now, int limit) {
		return records.claimLostCommands(sentBefore, now, limit);
	}

	/**
	 * Takes the fetch up as one more attempt under {@code token}
	 * ({@link FetchRecords#takeUp}): the writes of any earlier one are ignored from now
	 * on. Emits it as recorded then.
	 */
	Mono<Optional<Fetch>> takeUp(UUID id, UUID token) {
		return records.takeUp(id, token);
	}

	/**
	 * Records {@code fetch} as FAILED with {@code reason} without holding it here (it was
	 * never taken up); tried again a few times. Emits the fetch as recorded: when its
	 * command was delivered after all and an instance took it up first (the write is
	 * fenced by attempt), that instance's fetch, not a failure.
	 */
	Mono<Fetch> abandon(Fetch fetch, String reason, Instant now) {
		Fetch failed = fetch.failed(reason, now);
		return records.save(failed)
			.retryWhen(A_FEW_TIMES)
			.flatMap(written -> written ? Mono.just(failed)
					: lookup(fetch.id()).map(recorded -> recorded.orElse(failed)));
	}

	/**
	 * Changes the fetch in memory only (rate-limit waits: recorded with its progress).
	 */
	synchronized Fetch update(UUID id, UnaryOperator<Fetch> change) {
		return byId.computeIfPresent(id, (key, fetch) -> change.apply(fetch));
	}

	/**
	 * Changes the fetch and records it. A failed write is logged and made good by the
	 * next one, which writes the whole fetch again. Fails with {@link Superseded} when
	 * another attempt has taken the fetch up.
	 */
	Mono<Fetch> progress(UUID id, UnaryOperator<Fetch> change) {
		return Mono.defer(() -> {
			Fetch changed = update(id, change);
			return written(changed, record(changed)).thenReturn(changed);
		});
	}

	/**
	 * Records {@code fetch} as it stands; emits whether it was written, fails when it
	 * could not be.
	 */
	Mono<Boolean> write(Fetch fetch) {
		return records.save(fetch);
	}

	/**
	 * Records {@code fetch} as it stands; emits whether it was written. A failed write is
	 * logged and counts as written: the next one writes the whole fetch again.
	 */
	Mono<Boolean> record(Fetch fetch) {
		return records.save(fetch).onErrorResume(error -> {
			log.warn("fetch {}: its progress could not be recorded; the next page records it again: {}", fetch.id(),
					error.toString());
			return Mono.just(true);
		});
	}

	/**
	 * Completes once {@code write} has written {@code fetch}; fails with
	 * {@link Superseded} when it was not written (another attempt has taken the fetch up,
	 * or it has ended).
	 */
	static Mono<Void> written(Fetch fetch, Mono<Boolean> write) {
		return write.flatMap(written -> written ? Mono.empty() : Mono.error(new Superseded(fetch)));
	}

	/**
	 * Ends the fetch with {@code outcome}: records the final state before it counts as
	 * ended here, tried again with backoff for as long as that takes. Its command is
	 * committed only once this completes, so a fetch never ends unrecorded: a row left
	 * unfinished would hold its repository's one active fetch for good. Cancelled (its
	 * partition handed over, the instance stopping), the command is run again by the next
	 * owner.
	 */
	Mono<Fetch> end(UUID id, UnaryOperator<Fetch> outcome) {
		return end(id, outcome, records::save);
	}

	/**
	 * Ends the fetch as {@link #end(UUID, UnaryOperator)} does, recording its final state
	 * with {@code write} (which writes more with it). When the write is refused, since
	 * another attempt has taken the fetch up, emits the fetch as recorded instead
	 * ({@link #superseded}).
	 */
	Mono<Fetch> end(UUID id, UnaryOperator<Fetch> outcome, Function<Fetch, Mono<Boolean>> write) {
		return Mono.defer(() -> {
			Fetch ended = outcome.apply(find(id).orElseThrow());
			return write.apply(ended)
				.retryWhen(untilRecorded(ended))
				.flatMap(written -> written ? Mono.fromSupplier(() -> update(id, f -> ended)) : superseded(ended));
		});
	}

	/**
	 * {@code mine} was not written: another attempt has taken its fetch up, or the fetch
	 * has ended (a write whose answer was lost, tried again, finds its own end). This
	 * instance stops holding a fetch another attempt runs; emits the fetch as recorded.
	 */
	Mono<Fetch> superseded(Fetch mine) {
		// never an error: the listener would take the fetch up again at once, from the
		// attempt that runs it (it does so only as the partition's owner, and later)
		return records.find(mine.id()).retryWhen(A_FEW_TIMES).onErrorResume(error -> {
			log.warn("fetch {}: attempt {} stops here; its record could not be read: {}", mine.id(), mine.attempt(),
					error.toString());
			forget(mine.id());
			return Mono.just(Optional.empty());
		}).map(found -> found.orElse(mine)).map(recorded -> {
			if (recorded.attempt() == mine.attempt()) {
				update(mine.id(), f -> recorded);
			}
			else {
				log.warn(
						"fetch {}: attempt {} stops here, since attempt {} (another instance, after its partition"
								+ " moved) has taken it up; its record is that attempt's: {}",
						mine.id(), mine.attempt(), recorded.attempt(), recorded.status());
				forget(mine.id());
			}
			return recorded;
		});
	}

	private Retry untilRecorded(Fetch ended) {
		Duration first = FIRST_FINAL_WRITE_BACKOFF.compareTo(finalWriteMaxBackoff) < 0 ? FIRST_FINAL_WRITE_BACKOFF
				: finalWriteMaxBackoff;
		return Retry.backoff(Long.MAX_VALUE, first)
			.maxBackoff(finalWriteMaxBackoff)
			.doBeforeRetry(signal -> log.warn(
					"fetch {} ended {} but could not be recorded so (attempt {}); trying again, its command waits: {}",
					ended.id(), ended.status(), signal.totalRetries() + 1, signal.failure().toString()));
	}

	/** The fetch as this process holds it; see {@link #lookup} for any fetch. */
	public synchronized Optional<Fetch> find(UUID id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** The fetch as this process holds it, else as last recorded (by any process). */
	public Mono<Optional<Fetch>> lookup(UUID id) {
		return Mono.defer(() -> {
			Optional<Fetch> held = find(id);
			return held.isPresent() ? Mono.just(held) : records.find(id);
		});
	}

	/** Recorded fetches, newest first. */
	public Mono<FetchListing> list(FetchQuery query) {
		return records.list(query);
	}

	/**
	 * Stops holding the fetch here: another instance takes it up, and its record is the
	 * truth from now on.
	 */
	synchronized void forget(UUID id) {
		byId.remove(id);
	}

	/**
	 * The fetch's write was refused: another attempt has taken it up (or it has ended),
	 * so this one stops.
	 */
	static final class Superseded extends RuntimeException {

		private final transient Fetch fetch;

		Superseded(Fetch fetch) {
			super("fetch " + fetch.id() + ": attempt " + fetch.attempt() + " was taken over by a later one");
			this.fetch = fetch;
		}

		Fetch fetch() {
			return fetch;
		}

	}

	/** A fetch that could not be recorded, and so was not started. */
	public static final class NotRecorded extends RuntimeException {

		NotRecorded(Throwable cause) {
			super("the fetch could not be recorded, so it was not started; try again", cause);
		}

	}

}
