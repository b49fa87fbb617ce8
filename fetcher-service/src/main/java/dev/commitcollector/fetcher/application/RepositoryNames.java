package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The repository a request means. On a forge whose names ignore letter case (every forge
 * but plain git), {@code octocat/hello-world} is {@code octocat/Hello-World}: it is
 * fetched and watched under the name it was first fetched or watched under, so that one
 * repository has one history, not one per spelling.
 */
@Service
public class RepositoryNames {

	private final Forges forges;

	private final KnownRepositories known;

	public RepositoryNames(Forges forges, KnownRepositories known) {
		this.forges = forges;
		this.known = known;
	}

	/**
	 * {@code repository} as {@code provider} first knew it; itself when it is new, or
	 * when the forge's names tell letter case apart.
	 */
	public Mono<RepositoryPath> asKnown(String provider, RepositoryPath repository) {
		if (!forges.named(provider).type().namesIgnoreCase()) {
			return Mono.just(repository);
		}
		return known.name(provider, repository);
	}

	/**
	 * {@code repository} as {@code provider} knows it, without naming it: what a listing
	 * filters by.
	 */
	public Mono<RepositoryPath> known(String provider, RepositoryPath repository) {
		if (!forges.named(provider).type().namesIgnoreCase()) {
			return Mono.just(repository);
		}
		return known.lookUp(provider, repository);
	}

}
