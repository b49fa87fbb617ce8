package dev.commitcollector.fetcher.forge.github;

import java.net.URI;
import java.time.Clock;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.EmptyRepository;
import dev.commitcollector.fetcher.forge.http.GitHubShapedCommits;
import dev.commitcollector.fetcher.forge.http.HttpForge;
import dev.commitcollector.fetcher.forge.http.NextPage;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import dev.commitcollector.fetcher.forge.http.RetrySettings;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's (and GitHub Enterprise Server's) REST commits listing, pinned to the head of
 * the default branch, the pages read one at a time, as GitHub asks, by the {@code Link}
 * header. An empty repository answers 409. The {@code .mailmap} is read from the contents
 * API, raw.
 *
 * @see <a href="https://docs.github.com/en/rest/commits/commits#list-commits">List
 * commits</a>
 */
public final class GitHubForge extends HttpForge<JsonNode> {

	private static final Api API = new Api(ForgeType.GITHUB, "GitHub", 100, EmptyRepository.answering(409),
			(headers, token) -> headers.setBearerAuth(token), headers -> {
				headers.set(HttpHeaders.ACCEPT, "application/vnd.github+json");
				headers.set("X-GitHub-Api-Version", "2022-11-28");
			});

	public GitHubForge(String provider, ProviderSettings settings, RetrySettings retry, WebClient.Builder builder,
			Clock clock) {
		super(API, JsonNode.class, provider, settings, retry, builder, clock);
	}

	@Override
	protected URI commitsUri(RepositoryPath repository, int size, String head) {
		var uri = UriComponentsBuilder.fromUri(apiUrl())
			.path("/repos/{owner}/{name}/commits")
			.queryParam("per_page", size);
		if (head != null) {
			uri.queryParam("sha", head);
		}
		return uri.buildAndExpand(repository.owner(), repository.name()).encode().toUri();
	}

	/**
	 * The contents API, asked for the raw file.
	 *
	 * @see <a href=
	 * "https://docs.github.com/en/rest/repos/contents#get-repository-content">Get
	 * repository content</a>
	 */
	@Override
	protected URI fileUri(RepositoryPath repository, String sha, String path) {
		return UriComponentsBuilder.fromUri(apiUrl())
			.path("/repos/{owner}/{name}/contents/{path}")
			.queryParam("ref", sha)
			.encode()
			.buildAndExpand(repository.owner(), repository.name(), path)
			.toUri();
	}

	@Override
	protected String rawMediaType() {
		return "application/vnd.github.raw+json";
	}

	@Override
	protected CommitPage toPage(JsonNode body, URI uri, HttpHeaders headers) {
		return GitHubShapedCommits.toDomain(body, "GitHub").page(NextPage.after(uri, headers).map(PageCursor::new));
	}

}
