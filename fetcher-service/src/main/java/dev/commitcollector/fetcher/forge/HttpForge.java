package dev.commitcollector.fetcher.forge;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.ForgeResponses.EmptyRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A forge whose REST API lists commits newest first, read the same way on every forge: a
 * probe reads the newest commit of the default branch alone (from the {@link #head
 * revision} the forge names, where its listing without one is not that branch), then
 * every page is pinned to its sha, so pushes during a fetch cannot shift the pages; a
 * probe with no commit is an empty repository. Next pages are URLs, followed only into
 * the configured API. Subclasses say how the listing's URLs look and how a page is read.
 */
public abstract class HttpForge implements Forge {

	private final Api api;

	private final String provider;

	private final URI apiUrl;

	protected final ForgeRequests requests;

	protected HttpForge(Api api, String provider, ProviderSettings settings, RetrySettings retry,
			WebClient.Builder builder, Clock clock) {
		this.api = api;
		this.provider = provider;
		this.apiUrl = settings.apiUrl();
		WebClient http = ForgeHttp.client(builder, settings.apiUrl(), settings.timeout()).defaultHeaders(headers -> {
			headers.set(HttpHeaders.ACCEPT, "application/json");
			api.headers().accept(headers);
			if (settings.hasToken()) {
				api.token().accept(headers, settings.token());
			}
		}).build();
		this.requests = new ForgeRequests(http, settings, retry, clock,
				new ForgeResponses(api.name(), provider, retry, clock, api.emptyRepository()));
	}

	/**
	 * The listing of {@code size} commits from {@code head}; from the default branch's
	 * head when it is null.
	 */
	protected abstract URI commitsUri(RepositoryPath repository, int size, String head);

	/** Reads one page of the listing. */
	protected abstract Mono<CommitPage> page(RepositoryPath repository, URI uri);

	/**
	 * The revision the probe lists from: {@link Head#DEFAULT_BRANCH} (the listing with no
	 * revision) unless the forge's listing without one is not the default branch's
	 * history; an empty {@code Mono} when the repository has no branch to list, so no
	 * commit.
	 */
	protected Mono<Head> head(RepositoryPath repository) {
		return Mono.just(Head.DEFAULT_BRANCH);
	}

	/** The configured API base URL. */
	protected final URI apiUrl() {
		return apiUrl;
	}

	@Override
	public final String provider() {
		return provider;
	}

	@Override
	public final ForgeType type() {
		return api.type();
	}

	@Override
	public final Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize) {
		return firstPage(repository, pageSize, null);
	}

	/**
	 * The probe is conditional on {@code etag}: where the forge supports validators
	 * (GitHub does), an unchanged repository costs one {@code 304}, which GitHub does not
	 * count against the rate limit. The first page carries the probe's validator for next
	 * time.
	 */
	@Override
	public final Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag) {
		int size = Math.max(1, Math.min(pageSize, api.maxPageSize()));
		return head(repository).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(head -> head.isEmpty() ? Mono.just(CommitPage.empty())
					: page(repository, commitsUri(repository, 1, head.get().revision())).contextWrite(
							context -> etag == null ? context : context.put(ForgeRequests.IF_NONE_MATCH, etag)))
			.flatMap(probe -> {
				if (probe.notModified()) {
					return Mono.just(probe);
				}
				if (probe.commits().isEmpty()) {
					return Mono.just(CommitPage.empty().withEtag(probe.etag()));
				}
				return page(repository, commitsUri(repository, size, probe.commits().get(0).sha()))
					.map(first -> first.withEtag(probe.etag()));
			});
	}

	@Override
	public final Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor) {
		return requests.follow(cursor, uri -> page(repository, uri));
	}

	/**
	 * Where the probe lists from: {@code revision}, or the default branch's head when it
	 * is null.
	 */
	protected record Head(String revision) {

		/** The listing with no revision. */
		public static final Head DEFAULT_BRANCH = new Head(null);

		public Head {
		}

	}

	/**
	 * What sets one forge's API apart: its name in messages, the largest page it serves,
	 * which error answers mean an empty repository, how it wants the token sent, and any
	 * headers beyond {@code Accept: application/json}.
	 */
	public record Api(ForgeType type, String name, int maxPageSize, EmptyRepository emptyRepository,
			BiConsumer<HttpHeaders, String> token, Consumer<HttpHeaders> headers) {

		public Api(ForgeType type, String name, int maxPageSize, EmptyRepository emptyRepository,
				BiConsumer<HttpHeaders, String> token) {
			this(type, name, maxPageSize, emptyRepository, token, headers -> {
			});
		}

	}

}
