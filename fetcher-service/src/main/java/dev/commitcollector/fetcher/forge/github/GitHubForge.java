package dev.commitcollector.fetcher.forge.github;

import java.net.URI;
import java.time.Clock;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.ForgeRequests;
import dev.commitcollector.fetcher.forge.ForgeResponses;
import dev.commitcollector.fetcher.forge.ForgeResponses.EmptyRepository;
import dev.commitcollector.fetcher.forge.HttpForge;
import dev.commitcollector.fetcher.forge.NextPage;
import dev.commitcollector.fetcher.forge.ProviderSettings;
import dev.commitcollector.fetcher.forge.RetrySettings;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * GitHub's REST commits listing, pinned to the head of the default branch, the pages read one at a
 * time, as GitHub asks, by the {@code Link} header. An empty repository answers 409.
 *
 * @see <a href="https://docs.github.com/en/rest/commits/commits#list-commits">List commits</a>
 */
class GitHubForge extends HttpForge {

	static final int MAX_PAGE_SIZE = 100;

	private final URI apiUrl;

	GitHubForge(String provider, ProviderSettings settings, RetrySettings retry, WebClient.Builder builder,
			Clock clock) {
		super(provider, ForgeType.GITHUB, MAX_PAGE_SIZE, requests(provider, settings, retry, builder, clock));
		this.apiUrl = settings.apiUrl();
	}

	private static ForgeRequests requests(String provider, ProviderSettings settings, RetrySettings retry,
			WebClient.Builder builder, Clock clock) {
		ForgeResponses responses = new ForgeResponses("GitHub", provider, retry, clock,
				EmptyRepository.answering(409));
		return ForgeRequests.create(settings, retry, builder, clock, responses, headers -> {
			headers.set(HttpHeaders.ACCEPT, "application/vnd.github+json");
			headers.set("X-GitHub-Api-Version", "2022-11-28");
			if (settings.hasToken()) {
				headers.setBearerAuth(settings.token());
			}
		});
	}

	@Override
	protected URI commitsUri(RepositoryPath repository, int size, String head) {
		var uri = UriComponentsBuilder.fromUri(apiUrl).path("/repos/{owner}/{name}/commits").queryParam("per_page", size);
		if (head != null) {
			uri.queryParam("sha", head);
		}
		return uri.buildAndExpand(repository.owner(), repository.name()).encode().toUri();
	}

	@Override
	protected Mono<CommitPage> page(RepositoryPath repository, URI uri) {
		return requests.page(repository, uri, GitHubCommitJson[].class,
				(body, headers) -> new CommitPage(GitHubCommits.toDomain(body, "GitHub"),
						NextPage.linked(uri, headers).map(PageCursor::new)));
	}

}
