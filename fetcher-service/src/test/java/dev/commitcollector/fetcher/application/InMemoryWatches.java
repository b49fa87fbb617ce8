package dev.commitcollector.fetcher.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitcollector.fetcher.domain.RepositoryRef;
import dev.commitcollector.fetcher.domain.Watch;
import reactor.core.publisher.Mono;

/** {@link Watches} in memory, claimed by compare and set as the database claims them. */
final class InMemoryWatches implements Watches {

	private final Map<UUID, Watch> byId = new ConcurrentHashMap<>();

	private final AtomicInteger failingLookups = new AtomicInteger();

	/**
	 * The next {@code times} looks for due watches fail, as when the database is away.
	 */
	InMemoryWatches failingNext(int times) {
		failingLookups.set(times);
		return this;
	}

	@Override
	public synchronized Mono<Watch> add(Watch watch, int most) {
		Optional<Watch> existing = byId.values().stream().filter(w -> w.target().equals(watch.target())).findFirst();
		if (existing.isPresent()) {
			return Mono.error(new WatchExists(existing.get().id()));
		}
		if (byId.size() >= most) {
			return Mono.error(new TooManyWatches(byId.size(), most));
		}
		byId.put(watch.id(), watch);
		return Mono.just(watch);
	}

	@Override
	public Mono<Optional<Watch>> find(UUID id) {
		return Mono.fromSupplier(() -> Optional.ofNullable(byId.get(id)));
	}

	@Override
	public Mono<List<Watch>> list(int max, Optional<RepositoryRef> after) {
		Comparator<RepositoryRef> order = Comparator.comparing(RepositoryRef::provider)
			.thenComparing(ref -> ref.path().toString());
		return Mono.fromSupplier(() -> byId.values()
			.stream()
			.filter(w -> after.isEmpty() || order.compare(w.target(), after.get()) > 0)
			.sorted(Comparator.comparing(Watch::target, order))
			.limit(max)
			.toList());
	}

	@Override
	public Mono<Boolean> remove(UUID id) {
		return Mono.fromSupplier(() -> byId.remove(id) != null);
	}

	@Override
	public Mono<List<Watch>> due(Instant now, int max) {
		if (failingLookups.getAndDecrement() > 0) {
			return Mono.error(new IllegalStateException("the database is away"));
		}
		return Mono.fromSupplier(() -> byId.values()
			.stream()
			.filter(w -> w.due(now))
			.sorted(Comparator.comparing(Watch::nextRunAt))
			.limit(max)
			.toList());
	}

	@Override
	public Mono<Optional<Watch>> claim(Watch watch, Instant now, Instant next) {
		return Mono.fromSupplier(() -> {
			synchronized (this) {
				Watch current = byId.get(watch.id());
				if (current == null || !current.nextRunAt().equals(watch.nextRunAt()) || !current.due(now)) {
					return Optional.empty();
				}
				Watch claimed = new Watch(current.id(), current.target(), current.limit(), current.interval(),
						current.createdAt(), next, current.lastFetch(), current.failedTurns());
				byId.put(claimed.id(), claimed);
				return Optional.of(claimed);
			}
		});
	}

	@Override
	public Mono<Void> started(UUID watch, Instant lease, UUID fetch, Instant next, int failedTurns) {
		return moved(watch, lease, next, fetch, failedTurns);
	}

	@Override
	public Mono<Void> skipped(UUID watch, Instant lease, Instant next) {
		return moved(watch, lease, next, null, null);
	}

	/** As the database does: only while the lease is the caller's. */
	private Mono<Void> moved(UUID watch, Instant lease, Instant next, UUID fetch, Integer failedTurns) {
		return Mono.fromRunnable(() -> byId.computeIfPresent(watch,
				(id, w) -> !w.nextRunAt().equals(lease) ? w
						: new Watch(w.id(), w.target(), w.limit(), w.interval(), w.createdAt(), next,
								fetch == null ? w.lastFetch() : fetch,
								failedTurns == null ? w.failedTurns() : failedTurns)));
	}

	Watch get(UUID id) {
		return byId.get(id);
	}

}
