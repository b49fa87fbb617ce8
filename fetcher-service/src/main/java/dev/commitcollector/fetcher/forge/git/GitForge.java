package dev.commitcollector.fetcher.forge.git;

import java.time.Clock;
import java.util.concurrent.Callable;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.application.Permits;
import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import dev.commitcollector.fetcher.forge.http.RetryPolicy;
import dev.commitcollector.fetcher.forge.http.RetrySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Plain git: one shallow fetch per fetch, pinned to the HEAD it saw, then pages of the
 * fetched history read from disk. The use case passes the fetch's limit as the first
 * page's size hint; here it is the depth of the fetch as well (at most
 * {@code forges.git.max-depth}), so no more history than the limit crosses the network.
 * JGit blocks, so all of it runs on the bounded elastic scheduler.
 */
public final class GitForge implements Forge, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GitForge.class);

	static final int PAGE_SIZE = 100;

	private final String provider;

	private final String host;

	/** Masked in failures; null without one. */
	private final String token;

	private final ShallowFetch fetches;

	private final MailmapFetch mailmaps;

	private final FetchedHistories histories;

	private final Permits permits;

	private final RetryPolicy retry;

	private final int maxDepth;

	public GitForge(String provider, ProviderSettings settings, RetrySettings retry, GitSettings git,
			GitWorkDir workDir, Clock clock) {
		this.provider = provider;
		this.host = settings.apiUrl().getHost() != null ? settings.apiUrl().getHost() : provider;
		this.token = settings.token();
		this.maxDepth = git.maxDepth();
		GitRemote remote = new GitRemote(settings, git, clock);
		this.fetches = new ShallowFetch(remote, workDir.path(), git.maxPackSize().toBytes(), clock);
		this.mailmaps = new MailmapFetch(remote, workDir.path(), git.maxPackSize().toBytes());
		this.histories = workDir.histories();
		this.permits = new Permits(settings.maxConcurrentRequests());
		this.retry = new RetryPolicy(retry, clock);
	}

	@Override
	public String provider() {
		return provider;
	}

	@Override
	public ForgeType type() {
		return ForgeType.GIT;
	}

	/** A fetch reads at most {@code forges.git.max-depth} commits. */
	@Override
	public int maxLimit() {
		return maxDepth;
	}

	/** Plain git has no validators: {@code etag} is ignored. */
	@Override
	public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
		int depth = Math.max(1, Math.min(pageSize, maxDepth));
		if (pageSize > maxDepth) {
			log.info("a git fetch of {} reads at most forges.git.max-depth={} commits, not {}", repository, maxDepth,
					pageSize);
		}
		Mono<String> fetched = permits.run(blocking(() -> fetches.fetch(repository, depth)
			.map(history -> histories.open(repository, history))
			.orElse(null)));
		return fetched.onErrorMap(error -> GitFailures.of(error, host, repository, token))
			.retryWhen(retry.forRequest(waits))
			.flatMap(cursor -> nextPage(repository, new PageCursor(cursor), waits))
			.defaultIfEmpty(CommitPage.empty());
	}

	/** Read from disk: no request, so nothing to wait for. */
	@Override
	public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
		return blocking(() -> histories.page(cursor.value(), repository, PAGE_SIZE))
			.onErrorMap(error -> GitFailures.of(error, host, repository, token));
	}

	/** Deletes the fetched history behind {@code cursor} now. */
	@Override
	public void release(RepositoryPath repository, PageCursor cursor) {
		histories.release(cursor.value(), repository);
	}

	/**
	 * The {@code .mailmap} at {@code sha}, by two small fetches of their own
	 * ({@link MailmapFetch}); none is read from a remote that offers no partial-clone
	 * filters.
	 */
	@Override
	public Mono<Mailmap> mailmap(RepositoryPath repository, String sha, RateLimitWaits waits) {
		if (fetches.filtersRefused(repository)) {
			log.debug("{} offers no partial-clone filters: the .mailmap of {} is not read", host, repository);
			return Mono.empty();
		}
		return permits.run(blocking(() -> mailmaps.read(repository, sha)))
			.onErrorMap(error -> GitFailures.of(error, host, repository, token))
			.retryWhen(retry.forRequest(waits));
	}

	/** Deletes the repositories of this forge's fetches still being paged. */
	@Override
	public void close() {
		histories.closeAll();
	}

	ShallowFetch fetches() {
		return fetches;
	}

	FetchedHistories histories() {
		return histories;
	}

	private static <T> Mono<T> blocking(Callable<T> call) {
		return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
	}

}
