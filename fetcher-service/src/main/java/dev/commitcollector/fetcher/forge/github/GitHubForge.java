package dev.commitcollector.fetcher.forge.github;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.ForgeHttp;
import dev.commitcollector.fetcher.forge.ForgeRetry;
import dev.commitcollector.fetcher.forge.LinkHeader;
import dev.commitcollector.fetcher.forge.ProviderSettings;
import dev.commitcollector.fetcher.forge.RetrySettings;
import dev.commitcollector.fetcher.domain.ForgeType;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * GitHub's REST commits listing. The first request reads the head of the default branch; every page
 * after it is pinned to that sha, and the pages are read one at a time, as GitHub asks.
 *
 * @see <a href="https://docs.github.com/en/rest/commits/commits#list-commits">List commits</a>
 */
class GitHubForge implements Forge {

	static final int MAX_PAGE_SIZE = 100;

	private final String provider;

	private final URI apiUrl;

	private final WebClient http;

	private final GitHubResponses responses;

	private final Retry retry;

	private final ForgeHttp.Gate gate;

	GitHubForge(String provider, ProviderSettings settings, RetrySettings retrySettings, WebClient.Builder builder,
			Clock clock) {
		this.provider = provider;
		this.apiUrl = settings.apiUrl();
		this.responses = new GitHubResponses(clock);
		this.retry = ForgeRetry.of(retrySettings, clock);
		this.gate = ForgeHttp.gate(settings, retrySettings, clock);
		WebClient.Builder client = ForgeHttp.client(builder, settings.apiUrl(), settings.timeout())
			.defaultHeader(HttpHeaders.ACCEPT, "application/vnd.github+json")
			.defaultHeader("X-GitHub-Api-Version", "2022-11-28");
		if (settings.hasToken()) {
			client.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.token());
		}
		this.http = client.build();
	}

	@Override
	public String provider() {
		return provider;
	}

	@Override
	public ForgeType type() {
		return ForgeType.GITHUB;
	}

	@Override
	public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize) {
		return firstPage(repository, pageSize, null);
	}

	/**
	 * Reads the head with a one-commit request (conditional on {@code etag}: an unchanged repository
	 * costs a 304, which GitHub does not count against the rate limit), then the first page pinned to it.
	 */
	@Override
	public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag) {
		int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
		return request(repository, commitsUri(repository, 1, null), etag).flatMap(head -> {
			if (head.notModified()) {
				return Mono.just(head);
			}
			if (head.commits().isEmpty()) {
				return Mono.just(CommitPage.empty().withEtag(head.etag()));
			}
			return request(repository, commitsUri(repository, size, head.commits().get(0).sha()), null)
				.map(page -> page.withEtag(head.etag()));
		});
	}

	@Override
	public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor) {
		if (!ForgeHttp.isWithin(apiUrl, cursor.value())) {
			return Mono.error(new ForgeFailure.MalformedAnswer(
					"GitHub pointed the next page outside the configured API (" + apiUrl + "); not followed"));
		}
		return request(repository, URI.create(cursor.value()), null);
	}

	private URI commitsUri(RepositoryPath repository, int size, String sha) {
		var uri = org.springframework.web.util.UriComponentsBuilder.fromUri(apiUrl)
			.path("/repos/{owner}/{name}/commits")
			.queryParam("per_page", size);
		if (sha != null) {
			uri.queryParam("sha", sha);
		}
		return uri.buildAndExpand(repository.owner(), repository.name()).encode().toUri();
	}

	private Mono<CommitPage> request(RepositoryPath repository, URI uri, String etag) {
		return gate.run(Mono.defer(() -> http.get().uri(uri).headers(headers -> {
			if (etag != null) {
				headers.setIfNoneMatch(etag);
			}
		}).exchangeToMono(response -> {
			gate.observe(response.headers().asHttpHeaders());
			if (etag != null && response.statusCode().value() == 304) {
				return response.releaseBody().thenReturn(CommitPage.notModified(etag));
			}
			String validator = response.headers().asHttpHeaders().getETag();
			return responses.read(repository, response,
					body -> new CommitPage(GitHubCommits.toDomain(body), next(uri, response.headers().header("Link")))
						.withEtag(validator));
		})))
			.onErrorMap(GitHubResponses::unlessForgeFailure)
			.retryWhen(retry);
	}

	/** The next page's URL; a relative link is read against the page it came with. */
	private static Optional<PageCursor> next(URI current, List<String> link) {
		return LinkHeader.target(String.join(", ", link), "next")
			.map(target -> new PageCursor(current.resolve(target).toString()));
	}

}
