package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;

/** The repositories fetched or watched so far, as each was first named. */
public interface KnownRepositories {

	/**
	 * The name under which the repository of {@code provider} that is {@code repository}
	 * but for letter case was first fetched or watched; empty when none was.
	 */
	Mono<RepositoryPath> firstNamed(String provider, RepositoryPath repository);

}
