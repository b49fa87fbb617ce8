package dev.commitcollector.fetcher.forge.github;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.contract.HttpStubForge;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * GitHub for the contract: any number of repositories under
 * {@code /repos/{owner}/{repo}/commits}, pages linked as GitHub links them, to
 * {@code /repositories/{id}/commits}.
 */
final class GitHubContractStub extends HttpStubForge {

	private static final Pattern BY_NAME = Pattern.compile("/repos/([^/]+/[^/]+)/commits");

	private static final Pattern BY_ID = Pattern.compile("/repositories/(\\d+)/commits");

	private static final Pattern MAILMAP = Pattern.compile("/repos/([^/]+/[^/]+)/contents/\\.mailmap");

	private static final String DOCS = "https://docs.github.com/rest/commits/commits#list-commits";

	private static final String CONTENTS_DOCS = "https://docs.github.com/rest/repos/contents#get-repository-content";

	private final Map<Long, String> pathsById = new ConcurrentHashMap<>();

	GitHubContractStub() throws IOException {
	}

	@Override
	public Forge forge() {
		return new GitHubForge("github",
				new ProviderSettings(ForgeType.GITHUB, baseUrl("/"), "ghp_contract", Duration.ofSeconds(5), 1),
				QUICK_RETRY, WebClient.builder(), Clock.systemUTC());
	}

	@Override
	protected MockResponse answer(RecordedRequest request) {
		Matcher mailmap = MAILMAP.matcher(request.getUrl().encodedPath());
		if (mailmap.matches()) {
			return mailmap(request, mailmap.group(1));
		}
		String path = repositoryPath(request.getUrl().encodedPath());
		List<StubCommit> history = path == null ? null : history(path);
		if (history == null) {
			return GitHubStub.error(404, "Not Found", DOCS);
		}
		if (history.isEmpty()) {
			return GitHubStub.error(409, "Git Repository is empty.", DOCS);
		}
		if (breakThisAnswer()) {
			return GitHubStub.ok("{\"message\":\"this is not a list of commits\"}").build();
		}
		HttpUrl url = request.getUrl();
		// as GitHub does: a validator of the listing, and 304 when the client's still
		// matches
		String etag = "W/\"" + history.get(0).sha() + "\"";
		if (etag.equals(request.getHeaders().get("If-None-Match"))) {
			return new MockResponse.Builder().code(304).addHeader("ETag", etag).build();
		}
		List<StubCommit> reachable = from(history, url.queryParameter("sha"));
		if (reachable == null) {
			return GitHubStub.error(422, "No commit found for SHA: " + url.queryParameter("sha"), DOCS);
		}
		int size = Math.min(100, intParam(url, "per_page", 30));
		int page = Math.max(1, intParam(url, "page", 1));
		List<Object> items = new ArrayList<>();
		int first = (page - 1) * size;
		List<StubCommit> commits = page(reachable, page, size);
		for (int i = 0; i < commits.size(); i++) {
			items.add(served(commits.get(i).sha(), GitHubStub.item(baseUrl("/repos/" + path).toString(), path,
					commit(commits.get(i), parentsOf(reachable, first + i))), "parents"));
		}
		MockResponse.Builder response = GitHubStub.ok(toJson(items)).addHeader("ETag", etag);
		if (hasPageAfter(reachable, page, size)) {
			response.addHeader("Link", "<" + pageUrl(path, url, page + 1) + ">; rel=\"next\"");
		}
		return response.build();
	}

	/**
	 * The contents API: the raw file when asked for
	 * {@code application/vnd.github.raw+json}, else its JSON description with the content
	 * in base64.
	 */
	private MockResponse mailmap(RecordedRequest request, String path) {
		String ref = request.getUrl().queryParameter("ref");
		MockResponse found = mailmapAnswer(path, ref, () -> null);
		if (found == null) {
			return GitHubStub.error(404, "Not Found", CONTENTS_DOCS);
		}
		if (found.getCode() != 200 || "application/vnd.github.raw+json".equals(request.getHeaders().get("Accept"))) {
			return found;
		}
		return GitHubStub.ok(toJson(Map.of("type", "file", "encoding", "base64", "name", ".mailmap", "path", ".mailmap",
				"content", "(base64 of the file; only served raw here)")))
			.build();
	}

	@Override
	protected MockResponse badCredentials() {
		return GitHubStub.error(401, "Bad credentials", "https://docs.github.com/rest");
	}

	@Override
	protected MockResponse rateLimited(int seconds) {
		return GitHubStub.rateLimited(Instant.now().plusSeconds(seconds));
	}

	@Override
	protected MockResponse serverError() {
		return GitHubStub.error(502, "Server Error", "https://docs.github.com/rest");
	}

	private String repositoryPath(String requested) {
		Matcher byName = BY_NAME.matcher(requested);
		if (byName.matches()) {
			return byName.group(1);
		}
		Matcher byId = BY_ID.matcher(requested);
		return byId.matches() ? pathsById.get(Long.parseLong(byId.group(1))) : null;
	}

	private HttpUrl pageUrl(String path, HttpUrl requested, int page) {
		long id = Integer.toUnsignedLong(path.hashCode());
		pathsById.put(id, path);
		return requested.newBuilder()
			.encodedPath("/repositories/" + id + "/commits")
			.setQueryParameter("page", String.valueOf(page))
			.build();
	}

	private static GitHubStub.Commit commit(StubCommit commit, List<String> parents) {
		return new GitHubStub.Commit(commit.sha(), commit.authorName(), commit.authorEmail(), commit.login(),
				commit.authoredAt(), "GitHub", "noreply@github.com", "web-flow", commit.authoredAt().plusSeconds(60),
				commit.message(), parents);
	}

}
