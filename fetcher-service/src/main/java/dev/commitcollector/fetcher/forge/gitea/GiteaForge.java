package dev.commitcollector.fetcher.forge.gitea;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

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
 * Gitea's (and Forgejo's) commits listing, whose items follow GitHub's shape.
 * {@code stat}, {@code verification} and {@code files} are turned off, which makes each
 * page far cheaper for the server. An empty repository answers 409. The {@code .mailmap}
 * is read from the raw file API.
 *
 * @see <a href=
 * "https://gitea.com/api/swagger#/repository/repoGetAllCommits">repoGetAllCommits</a>
 */
public final class GiteaForge extends HttpForge<JsonNode> {

	/**
	 * The server caps {@code limit} at its {@code MAX_RESPONSE_ITEMS}, 50 unless
	 * configured otherwise.
	 */
	private static final Api API = new Api(ForgeType.GITEA, "Gitea", 50, EmptyRepository.answering(409),
			(headers, token) -> headers.set(HttpHeaders.AUTHORIZATION, "token " + token));

	public GiteaForge(String provider, ProviderSettings settings, RetrySettings retry, WebClient.Builder builder,
			Clock clock) {
		super(API, JsonNode.class, provider, settings, retry, builder, clock);
	}

	@Override
	protected URI commitsUri(RepositoryPath repository, int size, String head) {
		var uri = UriComponentsBuilder.fromUri(apiUrl()).path("/repos/{owner}/{name}/commits");
		if (head != null) {
			uri.queryParam("sha", head);
		}
		return uri.queryParam("limit", size)
			.queryParam("page", 1)
			.queryParam("stat", false)
			.queryParam("verification", false)
			.queryParam("files", false)
			.buildAndExpand(repository.owner(), repository.name())
			.encode()
			.toUri();
	}

	/**
	 * The raw file API.
	 *
	 * @see <a href=
	 * "https://gitea.com/api/swagger#/repository/repoGetRawFile">repoGetRawFile</a>
	 */
	@Override
	protected URI fileUri(RepositoryPath repository, String sha, String path) {
		return UriComponentsBuilder.fromUri(apiUrl())
			.path("/repos/{owner}/{name}/raw/{path}")
			.queryParam("ref", sha)
			.encode()
			.buildAndExpand(repository.owner(), repository.name(), path)
			.toUri();
	}

	@Override
	protected CommitPage toPage(JsonNode body, URI uri, HttpHeaders headers) {
		return GitHubShapedCommits.toDomain(body, "Gitea").page(next(uri, headers));
	}

	/**
	 * The next page when the answer says there is one, by a {@code Link} or
	 * {@code X-HasMore: true}: this request with {@code page} one up. Which page a link
	 * names is not followed ({@link NextPage#after}; Gitea builds its links from its own
	 * ROOT_URL, which behind a proxy may not be the URL we were given).
	 */
	private Optional<PageCursor> next(URI current, HttpHeaders headers) {
		Optional<String> link = NextPage.after(current, headers);
		if (link.isEmpty() && "true".equalsIgnoreCase(headers.getFirst("X-HasMore"))) {
			return Optional.of(new PageCursor(NextPage.numbered(current, NextPage.numberOf(current) + 1).toString()));
		}
		return link.map(PageCursor::new);
	}

}
