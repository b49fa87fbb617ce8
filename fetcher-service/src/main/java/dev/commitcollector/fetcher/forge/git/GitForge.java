package dev.commitcollector.fetcher.forge.git;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.application.Permits;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.ForgeRetry;
import dev.commitcollector.fetcher.forge.ProviderSettings;
import dev.commitcollector.fetcher.forge.RetrySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Plain git: one shallow fetch per fetch, pinned to the HEAD it saw, then pages of the
 * fetched history read from disk. The use case passes the fetch's limit as the first
 * page's size hint; here it is the depth of the fetch as well (at most
 * {@code forges.git.max-depth}), so no more history than the limit crosses the network.
 * JGit blocks, so all of it runs on the bounded elastic scheduler.
 */
class GitForge implements Forge, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GitForge.class);

	static final int PAGE_SIZE = 100;

	private final String provider;

	private final String host;

	private final ShallowFetch fetches;

	private final FetchedHistories histories;

	private final Permits permits;

	private final Retry retry;

	private final int maxDepth;

	GitForge(String provider, ProviderSettings settings, RetrySettings retrySettings, Clock clock, Path workDir,
			Duration idle, GitSettings git) {
		this.provider = provider;
		this.host = settings.apiUrl().getHost() != null ? settings.apiUrl().getHost() : provider;
		this.maxDepth = git.maxDepth();
		this.fetches = new ShallowFetch(new GitRemote(settings), workDir, git.maxPackSize().toBytes());
		this.histories = new FetchedHistories(idle);
		this.permits = new Permits(settings.maxConcurrentRequests());
		this.retry = ForgeRetry.of(retrySettings, clock);
	}

	@Override
	public String provider() {
		return provider;
	}

	@Override
	public ForgeType type() {
		return ForgeType.GIT;
	}

	@Override
	public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize) {
		int depth = Math.max(1, Math.min(pageSize, maxDepth));
		if (pageSize > maxDepth) {
			log.info("a git fetch of {} reads at most forges.git.max-depth={} commits, not {}", repository, maxDepth,
					pageSize);
		}
		Mono<String> fetched = permits.run(blocking(() -> fetches.fetch(repository, depth)
			.map(history -> histories.open(repository, history))
			.orElse(null)));
		return fetched.onErrorMap(error -> GitFailures.of(error, host, repository))
			.retryWhen(retry)
			.flatMap(cursor -> nextPage(repository, new PageCursor(cursor)))
			.defaultIfEmpty(CommitPage.empty());
	}

	@Override
	public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor) {
		return blocking(() -> histories.page(cursor.value(), repository, PAGE_SIZE))
			.onErrorMap(error -> GitFailures.of(error, host, repository));
	}

	/**
	 * Deletes the repositories of fetches still being paged: the application is stopping.
	 */
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
