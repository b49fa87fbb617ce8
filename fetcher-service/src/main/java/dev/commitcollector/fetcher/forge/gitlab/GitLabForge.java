package dev.commitcollector.fetcher.forge.gitlab;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.HttpForge;
import dev.commitcollector.fetcher.forge.http.NextPage;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import dev.commitcollector.fetcher.forge.http.RetrySettings;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * GitLab's commits listing. The project is named by its full path, nested groups
 * included, URL-encoded as one path segment ({@code group%2Fsubgroup%2Fproject}). Pages
 * follow {@code Link rel="next"}, or {@code x-next-page} where there is no Link; the
 * commits endpoint may leave out {@code x-total}. An empty repository lists no commit; a
 * project whose repository was never created answers {@code 404 Repository Not Found},
 * which is read as empty too. The {@code .mailmap} is read from the repository files API,
 * raw.
 *
 * @see <a href="https://docs.gitlab.com/api/commits/#list-repository-commits">List
 * repository commits</a>
 */
public final class GitLabForge extends HttpForge<JsonNode> {

	/**
	 * A project whose repository was never created (nothing pushed yet) has no commit
	 * either.
	 */
	private static final Api API = new Api(ForgeType.GITLAB, "GitLab", 100,
			(status, message) -> status == 404 && message.contains("Repository Not Found"),
			(headers, token) -> headers.set("PRIVATE-TOKEN", token));

	public GitLabForge(String provider, ProviderSettings settings, RetrySettings retry, WebClient.Builder builder,
			Clock clock) {
		super(API, JsonNode.class, provider, settings, retry, builder, clock);
	}

	@Override
	protected URI commitsUri(RepositoryPath repository, int size, String head) {
		var uri = UriComponentsBuilder.fromUri(apiUrl()).path("/projects/{id}/repository/commits");
		if (head != null) {
			uri.queryParam("ref_name", head);
		}
		return uri.queryParam("per_page", size).encode().buildAndExpand(repository.toString()).toUri();
	}

	/**
	 * The raw file of the repository files API; the file path, like the project, is one
	 * encoded segment.
	 *
	 * @see <a href=
	 * "https://docs.gitlab.com/api/repository_files/#get-raw-file-from-repository">Get
	 * raw file from repository</a>
	 */
	@Override
	protected URI fileUri(RepositoryPath repository, String sha, String path) {
		return UriComponentsBuilder.fromUri(apiUrl())
			.path("/projects/{id}/repository/files/{path}/raw")
			.queryParam("ref", sha)
			.encode()
			.buildAndExpand(repository.toString(), path)
			.toUri();
	}

	@Override
	protected CommitPage toPage(JsonNode body, URI uri, HttpHeaders headers) {
		return GitLabCommits.toDomain(body).page(next(uri, headers));
	}

	/**
	 * The next page when the answer says there is one, by a {@code Link} or a numeric
	 * {@code x-next-page} (empty on the last): this request with {@code page} one up.
	 * Which page either names is not followed ({@link NextPage#after}).
	 */
	private Optional<PageCursor> next(URI current, HttpHeaders headers) {
		Optional<String> link = NextPage.after(current, headers);
		if (link.isPresent()) {
			return link.map(PageCursor::new);
		}
		String page = headers.getFirst("x-next-page");
		if (page != null && page.strip().matches("\\d{1,9}")) {
			return Optional.of(new PageCursor(NextPage.numbered(current, NextPage.numberOf(current) + 1).toString()));
		}
		return Optional.empty();
	}

}
