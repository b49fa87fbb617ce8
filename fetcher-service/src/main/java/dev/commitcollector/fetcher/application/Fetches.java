package dev.commitcollector.fetcher.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.commitcollector.fetcher.domain.Fetch;
import org.springframework.stereotype.Component;

/**
 * The fetches this process has run, newest kept; the oldest finished ones are forgotten
 * past a bound.
 */
@Component
public class Fetches {

	static final int REMEMBERED = 10_000;

	private final Map<UUID, Fetch> byId = new LinkedHashMap<>();

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
	 * Adds {@code candidate} unless a fetch of the same provider and repository is still
	 * running, in which case that one is returned and nothing is added: two fetches of a
	 * repository never run at once.
	 */
	synchronized Fetch addUnlessRunning(Fetch candidate) {
		for (Fetch fetch : byId.values()) {
			if (fetch.status() == dev.commitcollector.fetcher.domain.FetchStatus.RUNNING
					&& fetch.isOf(candidate.provider(), candidate.repository())) {
				return fetch;
			}
		}
		add(candidate);
		return candidate;
	}

	synchronized Fetch update(UUID id, UnaryOperator<Fetch> change) {
		return byId.computeIfPresent(id, (key, fetch) -> change.apply(fetch));
	}

	public synchronized Optional<Fetch> find(UUID id) {
		return Optional.ofNullable(byId.get(id));
	}

}
