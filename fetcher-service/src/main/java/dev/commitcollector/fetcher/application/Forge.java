package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;

/**
 * A code forge that lists a repository's commits newest first, one page at a time.
 * Adapters pin the history to the head they saw on the first page, so that pushes during
 * a fetch cannot shift pages, and fail with a {@link ForgeFailure}.
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
	 * allows. When the forge supports validators and says the head is unchanged since
	 * {@code etag} (may be null), a {@link CommitPage#notModified} page; forges without
	 * them ignore it. {@code waits} is told whenever a request waits for the forge's rate
	 * limit.
	 */
	Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits);

	/**
	 * The page {@code cursor} points at, telling {@code waits} of rate-limit waits.
	 */
	Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits);

	/**
	 * The walk will not ask for the page {@code cursor} points at (it ended before it,
	 * failed or was cancelled): what the adapter holds for it can go now rather than when
	 * it would expire. Most forges hold nothing.
	 */
	default void release(RepositoryPath repository, PageCursor cursor) {
	}

	/**
	 * The repository's {@code .mailmap} at commit {@code sha}, read as the adapter reads
	 * its pages (same credentials, rate limit and retries, one request more):
	 * {@link Mailmap#NONE} when there is no such file. Fails with a {@link ForgeFailure}
	 * when it cannot be read. A forge that cannot read files completes empty.
	 */
	default Mono<Mailmap> mailmap(RepositoryPath repository, String sha, RateLimitWaits waits) {
		return Mono.empty();
	}

	/**
	 * The most commits one fetch can read from this forge: no bound but the fetch's own
	 * limit, unless the adapter has one of its own (plain git's deepest history).
	 */
	default int maxLimit() {
		return Integer.MAX_VALUE;
	}

	/** The newest page, asked unconditionally, by someone who does not watch waits. */
	default Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize) {
		return firstPage(repository, pageSize, null, RateLimitWaits.NONE);
	}

	/** The page {@code cursor} points at, for someone who does not watch waits. */
	default Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor) {
		return nextPage(repository, cursor, RateLimitWaits.NONE);
	}

}
