package dev.commitcollector.fetcher.forge.http;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A forge whose REST API lists commits newest first, read the same way on every forge:
 * the first page lists the default branch (from the {@link #head revision} the forge
 * names, where its listing without one is not that branch), and every page after it is
 * pinned to the sha of the first page's first commit ({@link #pinnedNext}), so pushes
 * during a fetch cannot shift the pages, and a fetch of N commits costs ceil(N / page
 * size) requests; a first page with no commit is an empty repository. Next pages are
 * URLs, followed only into the configured API. Subclasses say how the listing's URLs look
 * and how a page's body, read as {@code J}, is made a page.
 */
public abstract class HttpForge<J> implements Forge {

	private final Api api;

	private final Class<J> bodyType;

	private final String provider;

	private final URI apiUrl;

	private final Requests requests;

	protected HttpForge(Api api, Class<J> bodyType, String provider, ProviderSettings settings, RetrySettings retry,
			WebClient.Builder builder, Clock clock) {
		this.api = api;
		this.bodyType = bodyType;
		this.provider = provider;
		this.apiUrl = settings.apiUrl();
		Failures failures = new Failures(api.name(), provider, settings.token(), retry, clock);
		this.requests = new Requests(WebClients.forApi(api, settings, builder),
				new Gate(api.name(), settings, retry, clock), new RetryPolicy(retry, clock),
				new Answers(api.name(), failures, api.emptyRepository()), failures, retry.requestDeadline());
	}

	/**
	 * The listing of {@code size} commits from {@code head}; from the default branch's
	 * head when it is null.
	 */
	protected abstract URI commitsUri(RepositoryPath repository, int size, String head);

	/**
	 * Makes the body of the listing at {@code uri}, answered with {@code headers}, a
	 * page.
	 */
	protected abstract CommitPage toPage(J body, URI uri, HttpHeaders headers);

	/**
	 * Where the forge serves the file at {@code path} (such as {@code .mailmap}) of the
	 * repository at commit {@code sha}, raw.
	 */
	protected abstract URI fileUri(RepositoryPath repository, String sha, String path);

	/** The media type a raw file is asked for with. */
	protected String rawMediaType() {
		return "*/*";
	}

	/**
	 * The revision the probe lists from: {@link Head#DEFAULT_BRANCH} (the listing with no
	 * revision) unless the forge's listing without one is not the default branch's
	 * history; an empty {@code Mono} when the repository has no branch to list, so no
	 * commit.
	 */
	protected Mono<Head> head(RepositoryPath repository, RateLimitWaits waits) {
		return Mono.just(Head.DEFAULT_BRANCH);
	}

	/** GETs a JSON object of the API that is not a commit page, read as {@code type}. */
	protected final <T> Mono<T> object(RepositoryPath repository, URI uri, RateLimitWaits waits, Class<T> type) {
		return requests.object(repository, uri, waits, type);
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

	/**
	 * The first page is conditional on {@code etag}: where the forge supports validators
	 * (GitHub does), an unchanged repository costs one {@code 304}, which GitHub does not
	 * count against the rate limit (for authenticated requests). It carries its own
	 * validator for next time.
	 */
	@Override
	public final Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag,
			RateLimitWaits waits) {
		int size = Math.max(1, Math.min(pageSize, api.maxPageSize()));
		return head(repository, waits).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(head -> head.isEmpty() ? Mono.just(CommitPage.empty())
					: page(repository, commitsUri(repository, size, head.get().revision()), etag, waits))
			.map(first -> first.notModified() || first.commits().isEmpty() || first.next().isEmpty() ? first
					: first.withNext(pinnedNext(repository, size, first)));
	}

	/**
	 * The page after {@code first}, pinned to the sha of its first commit, the head when
	 * it was read: the listing of {@code size} from that sha, page 2. A forge whose next
	 * pages are not numbered says otherwise.
	 */
	protected Optional<PageCursor> pinnedNext(RepositoryPath repository, int size, CommitPage first) {
		String head = first.commits().get(0).sha();
		return Optional.of(new PageCursor(NextPage.numbered(commitsUri(repository, size, head), 2).toString()));
	}

	/**
	 * The {@code .mailmap} at {@code sha}, one request through the same gate and retries
	 * as the pages; a 404 means the repository has none.
	 */
	@Override
	public final Mono<Mailmap> mailmap(RepositoryPath repository, String sha, RateLimitWaits waits) {
		return requests.mailmap(repository, fileUri(repository, sha, ".mailmap"), rawMediaType(), waits);
	}

	/**
	 * Follows a cursor, which is a URL, only into the configured API: never sends the
	 * token elsewhere.
	 */
	@Override
	public final Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
		if (!NextPage.isWithin(apiUrl, cursor.value())) {
			return Mono.error(new ForgeFailure.MalformedAnswer(
					api.name() + " pointed the next page outside the configured API (" + apiUrl + "); not followed"));
		}
		return page(repository, URI.create(cursor.value()), null, waits);
	}

	private Mono<CommitPage> page(RepositoryPath repository, URI uri, String etag, RateLimitWaits waits) {
		return requests.page(repository, uri, etag, waits, bodyType, (body, headers) -> toPage(body, uri, headers));
	}

	/**
	 * Where the probe lists from: {@code revision}, or the default branch's head when it
	 * is null.
	 */
	public record Head(String revision) {

		/** The listing with no revision. */
		public static final Head DEFAULT_BRANCH = new Head(null);

	}

	/**
	 * What sets one forge's API apart: its name in messages, the largest page it serves,
	 * which error answers mean an empty repository, how it wants the token sent, and any
	 * headers beyond {@code Accept: application/json}.
	 */
	public record Api(ForgeType type, String name, int maxPageSize, EmptyRepository emptyRepository,
			BiConsumer<HttpHeaders, String> token, Consumer<HttpHeaders> headers) {

		/** An API that wants no headers beyond {@code Accept: application/json}. */
		public Api(ForgeType type, String name, int maxPageSize, EmptyRepository emptyRepository,
				BiConsumer<HttpHeaders, String> token) {
			this(type, name, maxPageSize, emptyRepository, token, headers -> {
			});
		}

	}

}
