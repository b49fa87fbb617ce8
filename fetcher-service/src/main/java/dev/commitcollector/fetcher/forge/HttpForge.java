package dev.commitcollector.fetcher.forge;

import java.net.URI;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;

/**
 * A forge whose REST API lists commits newest first, read the same way on every forge: a probe reads
 * the newest commit alone, then every page is pinned to its sha, so pushes during a fetch cannot shift
 * the pages; a probe with no commit is an empty repository. Next pages are URLs, followed only into the
 * configured API. Subclasses say how the listing's URLs look and how a page is read.
 */
public abstract class HttpForge implements Forge {

	private final String provider;

	private final ForgeType type;

	private final int maxPageSize;

	protected final ForgeRequests requests;

	protected HttpForge(String provider, ForgeType type, int maxPageSize, ForgeRequests requests) {
		this.provider = provider;
		this.type = type;
		this.maxPageSize = maxPageSize;
		this.requests = requests;
	}

	/** The listing of {@code size} commits from {@code head}; from the default branch's head when it is null. */
	protected abstract URI commitsUri(RepositoryPath repository, int size, String head);

	/** Reads one page of the listing. */
	protected abstract Mono<CommitPage> page(RepositoryPath repository, URI uri);

	@Override
	public final String provider() {
		return provider;
	}

	@Override
	public final ForgeType type() {
		return type;
	}

	@Override
	public final Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize) {
		int size = Math.max(1, Math.min(pageSize, maxPageSize));
		return page(repository, commitsUri(repository, 1, null))
			.flatMap(probe -> probe.commits().isEmpty() ? Mono.just(CommitPage.empty())
					: page(repository, commitsUri(repository, size, probe.commits().get(0).sha())));
	}

	@Override
	public final Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor) {
		return requests.follow(cursor, uri -> page(repository, uri));
	}

}
