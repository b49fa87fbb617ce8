package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;

/**
 * A code forge that lists a repository's commits newest first, one page at a time.
 * Adapters pin the history to the head they saw on the first page, so that pushes during
 * a fetch cannot shift pages, and fail with a
 * {@link dev.commitcollector.fetcher.domain.ForgeFailure}.
 */
public interface Forge {

	/**
	 * The provider name users pass, such as {@code github}: the name of the configured
	 * instance.
	 */
	String provider();

	/** The kind of forge, which decides how repository paths look. */
	ForgeType type();

	/**
	 * The newest page; {@code pageSize} is a hint the adapter may round to what the forge
	 * allows.
	 */
	Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize);

	/**
	 * The newest page, asked conditionally: when the forge supports validators and says
	 * the head is unchanged since {@code etag}, a {@link CommitPage#notModified} page.
	 * Forges without them ignore it.
	 */
	default Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag) {
		return firstPage(repository, pageSize);
	}

	/** The page a previous page pointed at. */
	Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor);

	/**
	 * The newest page, conditional on {@code etag} (may be null), telling {@code waits}
	 * whenever a request waits for the forge's rate limit.
	 */
	default Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
		return firstPage(repository, pageSize, etag);
	}

	/** The page {@code cursor} points at, telling {@code waits} of rate-limit waits. */
	default Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
		return nextPage(repository, cursor);
	}

}
