package dev.commitcollector.fetcher.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.domain.Fetch;
import reactor.core.publisher.Mono;

/**
 * {@link FetchRecords} in memory, with every write kept in order; it can be made to fail.
 */
public class InMemoryFetchRecords implements FetchRecords {

	private final Map<UUID, Fetch> byId = new ConcurrentHashMap<>();

	private final List<Fetch> writes = new CopyOnWriteArrayList<>();

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
	public Mono<Void> save(Fetch fetch) {
		return Mono.defer(() -> {
			if (failure != null) {
				return Mono.error(failure);
			}
			writes.add(fetch);
			byId.compute(fetch.id(), (id, held) -> held != null && held.finishedAt() != null ? held : fetch);
			return Mono.empty();
		});
	}

	@Override
	public Mono<Long> abandonUnfinished(String reason, Instant now) {
		if (failure != null) {
			return Mono.error(failure);
		}
		return Mono.fromSupplier(() -> {
			long[] abandoned = { 0 };
			byId.replaceAll((id, fetch) -> {
				if (fetch.finishedAt() != null) {
					return fetch;
				}
				abandoned[0]++;
				return fetch.failed(reason, now);
			});
			return abandoned[0];
		});
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
