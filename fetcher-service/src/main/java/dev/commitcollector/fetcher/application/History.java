package dev.commitcollector.fetcher.application;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import reactor.core.publisher.Mono;

/** What the fetcher has already published, per repository; kept across restarts. */
public interface History {

	Mono<Optional<RepositoryMemory>> recall(RepositoryRef repository);

	/** Which of {@code shas} were published before. */
	Mono<Set<String>> known(RepositoryRef repository, Collection<String> shas);

	/** Marks {@code shas} as published (once Kafka acknowledged them). */
	Mono<Void> remember(RepositoryRef repository, Collection<String> shas);

	/**
	 * A walk that publishes is starting: what is remembered no longer vouches for the
	 * history under the known head until the walk completes. A walk cut short (the forge
	 * failing, the fetcher stopping) leaves newer commits published above ones it never
	 * reached, so the next fetch walks in full instead of stopping at them.
	 */
	Mono<Void> walking(RepositoryRef repository);

	/** Records where a completed fetch left the repository. */
	Mono<Void> completed(RepositoryRef repository, RepositoryMemory memory);

	/**
	 * The head at which the repository's {@code .mailmap} was last read and published
	 * (that it has none included); empty when never, or when no read succeeded yet.
	 */
	Mono<Optional<String>> mailmapReadAt(RepositoryRef repository);

	/** Records that the {@code .mailmap} at {@code head} was read and published. */
	Mono<Void> mailmapRead(RepositoryRef repository, String head);

}
