package dev.commitcollector.fetcher.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import reactor.core.publisher.Mono;

/**
 * {@link FetchRecords} in memory, with every write kept in order; it can be made to fail.
 */
public class InMemoryFetchRecords implements FetchRecords {

	private final Map<UUID, Fetch> byId = new ConcurrentHashMap<>();

	private final List<Fetch> writes = new CopyOnWriteArrayList<>();

	private final Map<UUID, Instant> commandSentAt = new ConcurrentHashMap<>();

	private final Map<UUID, UUID> takenBy = new ConcurrentHashMap<>();

	private volatile RuntimeException failure;

	/** Every write from now on fails with {@code error}; {@code null}: none does. */
	public InMemoryFetchRecords failingWith(RuntimeException error) {
		this.failure = error;
		return this;
	}

	/** Every fetch written, in the order written. */
	public List<Fetch> writes() {
		return List.copyOf(writes);
	}

	@Override
	public Mono<Boolean> save(Fetch fetch) {
		return Mono.defer(() -> {
			if (failure != null) {
				return Mono.error(failure);
			}
			writes.add(fetch);
			Fetch held = byId.compute(fetch.id(),
					(id, recorded) -> recorded != null
							&& (recorded.finishedAt() != null || recorded.attempt() != fetch.attempt()) ? recorded
									: fetch);
			return Mono.just(held == fetch);
		});
	}

	@Override
	public synchronized Mono<Optional<Fetch>> takeUp(UUID id, UUID token) {
		if (failure != null) {
			return Mono.error(failure);
		}
		Fetch held = byId.get(id);
		if (held != null && held.active() && !token.equals(takenBy.get(id))) {
			takenBy.put(id, token);
			held = held.nextAttempt();
			byId.put(id, held);
		}
		return Mono.just(Optional.ofNullable(held));
	}

	@Override
	public synchronized Mono<Optional<Fetch>> widen(UUID id, int limit, FetchMode mode) {
		if (failure != null) {
			return Mono.error(failure);
		}
		Fetch held = byId.get(id);
		if (held == null || !held.active() || held.attempt() > 0) {
			return Mono.just(Optional.empty());
		}
		Fetch widened = held.widened(limit, mode);
		byId.put(id, widened);
		return Mono.just(Optional.of(widened));
	}

	@Override
	public synchronized Mono<Fetch> requestOnce(Fetch fetch) {
		if (failure != null) {
			return Mono.error(failure);
		}
		Optional<Fetch> already = activeNow(fetch.target());
		if (already.isPresent()) {
			return Mono.just(already.get());
		}
		writes.add(fetch);
		byId.put(fetch.id(), fetch);
		commandSentAt.put(fetch.id(), fetch.startedAt());
		return Mono.just(fetch);
	}

	@Override
	public Mono<Optional<Fetch>> active(RepositoryRef target) {
		return Mono.defer(() -> failure != null ? Mono.error(failure) : Mono.just(activeNow(target)));
	}

	@Override
	public Mono<Long> queued() {
		return Mono.defer(() -> failure != null ? Mono.error(failure)
				: Mono.just(byId.values().stream().filter(f -> f.status() == FetchStatus.QUEUED).count()));
	}

	@Override
	public synchronized Mono<List<Fetch>> claimLostCommands(Instant sentBefore, Instant now, int limit) {
		if (failure != null) {
			return Mono.error(failure);
		}
		List<Fetch> lost = byId.values()
			.stream()
			.filter(f -> f.status() == FetchStatus.QUEUED && f.finishedAt() == null)
			.filter(f -> commandSentAt.getOrDefault(f.id(), Instant.MIN).isBefore(sentBefore))
			.sorted(Comparator.comparing(Fetch::startedAt))
			.limit(limit)
			.toList();
		lost.forEach(f -> commandSentAt.put(f.id(), now));
		return Mono.just(lost);
	}

	private Optional<Fetch> activeNow(RepositoryRef target) {
		return byId.values().stream().filter(f -> f.active() && f.target().equals(target)).findFirst();
	}

	@Override
	public Mono<Optional<Fetch>> find(UUID id) {
		return Mono.fromSupplier(() -> Optional.ofNullable(byId.get(id)));
	}

	@Override
	public Mono<FetchListing> list(FetchQuery query) {
		return Mono.error(new UnsupportedOperationException("listing is tested on PostgreSQL"));
	}

}
