package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;

/** The repositories fetched or watched so far, each under the name it was first given. */
public interface KnownRepositories {

	/**
	 * The name under which the repository of {@code provider} that is {@code repository}
	 * but for letter case was first named; {@code repository} itself when this is the
	 * first time, which makes it the name from now on. Two first namings at the same
	 * instant agree on one of them.
	 */
	Mono<RepositoryPath> name(String provider, RepositoryPath repository);

	/**
	 * The name under which the repository of {@code provider} that is {@code repository}
	 * but for letter case was first named, or {@code repository} itself when it never
	 * was; names nothing.
	 */
	Mono<RepositoryPath> lookUp(String provider, RepositoryPath repository);

}
