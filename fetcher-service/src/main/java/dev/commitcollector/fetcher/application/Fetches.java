package dev.commitcollector.fetcher.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryRef;
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
	 * The running fetch of {@code target}, if there is one: a repository has at most one.
	 */
	synchronized Optional<Fetch> running(RepositoryRef target) {
		return byId.values()
			.stream()
			.filter(fetch -> fetch.status() == FetchStatus.RUNNING && fetch.target().equals(target))
			.findFirst();
	}

	synchronized Fetch update(UUID id, UnaryOperator<Fetch> change) {
		return byId.computeIfPresent(id, (key, fetch) -> change.apply(fetch));
	}

	public synchronized Optional<Fetch> find(UUID id) {
		return Optional.ofNullable(byId.get(id));
	}

}
