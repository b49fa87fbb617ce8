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
		int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
		return page(repository, commitsUri(repository, 1, null)).flatMap(head -> {
			if (head.commits().isEmpty()) {
				return Mono.just(CommitPage.empty());
			}
			return page(repository, commitsUri(repository, size, head.commits().get(0).sha()));
		});
	}

	@Override
	public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor) {
		if (!ForgeHttp.isWithin(apiUrl, cursor.value())) {
			return Mono.error(new ForgeFailure.MalformedAnswer(
					"GitHub pointed the next page outside the configured API (" + apiUrl + "); not followed"));
		}
		return page(repository, URI.create(cursor.value()));
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

	private Mono<CommitPage> page(RepositoryPath repository, URI uri) {
		return gate.run(Mono.defer(() -> http.get().uri(uri).exchangeToMono(response -> {
			gate.observe(response.headers().asHttpHeaders());
			return responses.read(repository, response,
					body -> new CommitPage(GitHubCommits.toDomain(body), next(uri, response.headers().header("Link"))));
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
