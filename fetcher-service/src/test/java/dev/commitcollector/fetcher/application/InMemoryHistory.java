package dev.commitcollector.fetcher.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import reactor.core.publisher.Mono;

/** {@link History} in memory, for tests of the use case. */
public final class InMemoryHistory implements History {

	private final Map<String, RepositoryMemory> memories = new HashMap<>();

	private final Map<String, Set<String>> published = new HashMap<>();

	private final Map<String, String> mailmapsRead = new HashMap<>();

	private volatile RuntimeException rememberFailure;

	/** From now on, what is published cannot be remembered: as a database away. */
	public InMemoryHistory failingToRemember(RuntimeException error) {
		this.rememberFailure = error;
		return this;
	}

	@Override
	public synchronized Mono<Optional<RepositoryMemory>> recall(RepositoryRef repository) {
		return Mono.just(Optional.ofNullable(memories.get(repository.toString())));
	}

	@Override
	public synchronized Mono<Set<String>> known(RepositoryRef repository, Collection<String> shas) {
		Set<String> all = published.getOrDefault(repository.toString(), Set.of());
		return Mono.just(shas.stream().filter(all::contains).collect(Collectors.toSet()));
	}

	@Override
	public synchronized Mono<Void> remember(RepositoryRef repository, Collection<String> shas) {
		if (rememberFailure != null) {
			return Mono.error(rememberFailure);
		}
		published.computeIfAbsent(repository.toString(), k -> new HashSet<>()).addAll(shas);
		return Mono.empty();
	}

	@Override
	public synchronized Mono<Void> walking(RepositoryRef repository) {
		memories.computeIfPresent(repository.toString(),
				(key, memory) -> new RepositoryMemory(memory.headSha(), 0, false, null));
		return Mono.empty();
	}

	@Override
	public synchronized Mono<Void> completed(RepositoryRef repository, RepositoryMemory memory) {
		memories.put(repository.toString(), memory);
		return Mono.empty();
	}

	@Override
	public synchronized Mono<Optional<String>> mailmapReadAt(RepositoryRef repository) {
		return Mono.just(Optional.ofNullable(mailmapsRead.get(repository.toString())));
	}

	@Override
	public synchronized Mono<Void> mailmapRead(RepositoryRef repository, String head) {
		mailmapsRead.put(repository.toString(), head);
		return Mono.empty();
	}

	public synchronized Optional<RepositoryMemory> memoryOf(String provider, RepositoryPath repository) {
		return Optional.ofNullable(memories.get(new RepositoryRef(provider, repository).toString()));
	}

}
