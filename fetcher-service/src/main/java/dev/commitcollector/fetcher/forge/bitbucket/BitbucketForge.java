package dev.commitcollector.fetcher.forge.bitbucket;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.EmptyRepository;
import dev.commitcollector.fetcher.forge.http.HttpForge;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import dev.commitcollector.fetcher.forge.http.RetrySettings;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Bitbucket Cloud's commits listing. {@code /commits} with no revision lists the commits
 * of every branch and tag ({@code git log --all}), so the newest of them may be on
 * another branch: the fetch first reads the repository's {@code mainbranch} (one request
 * more than the pages) and lists {@code /commits/{mainbranch}}. Each page's {@code next}
 * is an absolute URL with an opaque page token, which names where the next page starts:
 * followed as given, never built, one page after another. An empty repository has no
 * {@code mainbranch}, so no commit. The {@code .mailmap} is read from the src endpoint.
 *
 * @see <a href=
 * "https://developer.atlassian.com/cloud/bitbucket/rest/api-group-repositories/#api-repositories-workspace-repo-slug-get">Get
 * a repository</a>
 * @see <a href=
 * "https://developer.atlassian.com/cloud/bitbucket/rest/api-group-commits/">Commits</a>
 * @see <a href=
 * "https://developer.atlassian.com/cloud/bitbucket/rest/intro/#pagination">Pagination</a>
 */
public final class BitbucketForge extends HttpForge<BitbucketPage> {

	/** The token is a repository, project or workspace access token, sent as a bearer. */
	private static final Api API = new Api(ForgeType.BITBUCKET, "Bitbucket", 100, EmptyRepository.NEVER,
			(headers, token) -> headers.setBearerAuth(token));

	public BitbucketForge(String provider, ProviderSettings settings, RetrySettings retry, WebClient.Builder builder,
			Clock clock) {
		super(API, BitbucketPage.class, provider, settings, retry, builder, clock);
	}

	@Override
	protected URI commitsUri(RepositoryPath repository, int size, String head) {
		String path = "/2.0/repositories/{workspace}/{slug}/commits" + (head == null ? "" : "/{head}");
		return UriComponentsBuilder.fromUri(apiUrl())
			.path(path)
			.queryParam("pagelen", size)
			.encode()
			.buildAndExpand(repository.owner(), repository.name(), head)
			.toUri();
	}

	/** The repository's main branch, by name; none for an empty repository. */
	@Override
	protected Mono<Head> head(RepositoryPath repository, RateLimitWaits waits) {
		URI uri = UriComponentsBuilder.fromUri(apiUrl())
			.path("/2.0/repositories/{workspace}/{slug}")
			.encode()
			.buildAndExpand(repository.owner(), repository.name())
			.toUri();
		return object(repository, uri, waits, BitbucketRepository.class).mapNotNull(BitbucketRepository::mainBranchName)
			.map(Head::new);
	}

	/** Bitbucket's page tokens are opaque: the next page is the one it names. */
	@Override
	protected Optional<PageCursor> pinnedNext(RepositoryPath repository, int size, CommitPage first) {
		return first.next();
	}

	/**
	 * The src endpoint, which serves a file's contents raw.
	 *
	 * @see <a href=
	 * "https://developer.atlassian.com/cloud/bitbucket/rest/api-group-source/#api-repositories-workspace-repo-slug-src-commit-path-get">Get
	 * file or directory contents</a>
	 */
	@Override
	protected URI fileUri(RepositoryPath repository, String sha, String path) {
		return UriComponentsBuilder.fromUri(apiUrl())
			.path("/2.0/repositories/{workspace}/{slug}/src/{sha}/{path}")
			.encode()
			.buildAndExpand(repository.owner(), repository.name(), sha, path)
			.toUri();
	}

	@Override
	protected CommitPage toPage(BitbucketPage body, URI uri, HttpHeaders headers) {
		return BitbucketCommits.toDomain(body.values())
			.page(Optional.ofNullable(body.next()).filter(next -> !next.isBlank()).map(next -> sameListing(uri, next)));
	}

	/**
	 * A page token names where the next page starts, never another listing: a
	 * {@code next} to another path (another repository's commits on the same API) would
	 * publish that listing as this repository's. Workspace and repository slugs are not
	 * case-sensitive on Bitbucket, which may spell them its own way: the path is compared
	 * without case.
	 */
	private static PageCursor sameListing(URI current, String next) {
		String path;
		try {
			path = URI.create(next).getPath();
		}
		catch (IllegalArgumentException ex) {
			path = null;
		}
		if (path == null || !path.equalsIgnoreCase(current.getPath())) {
			throw new ForgeFailure.MalformedAnswer(
					"Bitbucket pointed the next page at another listing than " + current.getPath() + "; not followed");
		}
		return new PageCursor(next);
	}

}
