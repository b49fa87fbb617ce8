package dev.commitcollector.localstack;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitcollector.localstack.SyntheticHistory.Commit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * GitHub's {@code /repos/{owner}/{repo}/commits} at the API root, as on github.com, or
 * below {@code /api/v3}, as on GitHub Enterprise Server: {@code per_page} (at most 100)
 * and {@code page}, pinned by {@code sha}, paginated by absolute {@code Link} headers.
 * Each page has an {@code ETag}; asked again with it in {@code If-None-Match} while the
 * page is unchanged, the answer is a bodiless 304.
 */
final class StubGitHub extends StubForge {

	private static final Pattern COMMITS = Pattern.compile("/repos/([^/?]+/[^/?]+)/commits(\\?.*)?");

	/** The contents API, asked for the raw file. */
	private static final Pattern MAILMAP = Pattern
		.compile("/repos/([^/?]+/[^/?]+)/contents/\\.mailmap\\?ref=([0-9a-f]+)");

	StubGitHub() throws IOException {
		this("");
	}

	private StubGitHub(String prefix) throws IOException {
		super(prefix, COMMITS, MAILMAP);
	}

	/** A GitHub Enterprise Server: the same API below {@code /api/v3}. */
	static StubGitHub enterprise() throws IOException {
		return new StubGitHub("/api/v3");
	}

	@Override
	protected MockResponse answer(RecordedRequest request, Repository repository, Matcher target) {
		String sha = request.getUrl().queryParameter("sha");
		List<Commit> reachable = repository.from(sha);
		if (reachable == null) {
			return json(404, Map.of("message", "No commit found for SHA: " + sha)).build();
		}
		int size = Math.min(100, intParam(request, "per_page", 30));
		int page = Math.max(1, intParam(request, "page", 1));
		List<Commit> commits = page(reachable, page, size);
		String etag = "W/\"" + SyntheticHistory.sha(commits.stream().map(Commit::sha).toList().toString()) + "\"";
		if (etag.equals(request.getHeaders().get("If-None-Match"))) {
			return withRateLimit(new MockResponse.Builder().code(304)).addHeader("ETag", etag).build();
		}
		String api = apiUrl() + "/repos/" + repository.path();
		MockResponse.Builder response = withRateLimit(ok(repository,
				commits.stream().map(commit -> item(api, commit, account(commit.login()), ZoneOffset.UTC)).toList()))
			.addHeader("ETag", etag);
		if (hasPageAfter(reachable, page, size)) {
			int last = (reachable.size() + size - 1) / size;
			response.addHeader("Link", "<" + with(request, "page", page + 1) + ">; rel=\"next\", <"
					+ with(request, "page", last) + ">; rel=\"last\"");
		}
		return response.build();
	}

	@Override
	protected MockResponse notFound() {
		return json(404, Map.of("message", "Not Found", "documentation_url",
				"https://docs.github.com/rest/commits/commits#list-commits", "status", "404"))
			.build();
	}

	/**
	 * A commit as GitHub's listing shows it; Gitea's items have this shape too.
	 * {@code api} is the repository's API URL; {@code account} the forge account the
	 * author email is linked to, or null.
	 */
	static Map<String, Object> item(String api, Commit commit, Map<String, Object> account, ZoneOffset zone) {
		String authored = date(commit.authoredAt(), zone);
		return object("sha", commit.sha(), "node_id", "C_" + commit.sha().substring(0, 16), "commit",
				object("author", object("name", commit.name(), "email", commit.email(), "date", authored), "committer",
						object("name", "Stub Committer", "email", "committer@example.org", "date",
								date(commit.authoredAt().plusSeconds(30), zone)),
						"message", withBody(commit.message()), "comment_count", 0),
				"url", api + "/commits/" + commit.sha(), "author", account, "committer", null, "parents",
				commit.parents().stream().map(sha -> object("sha", sha, "url", api + "/commits/" + sha)).toList());
	}

	/**
	 * A one-line message gets a body that is not the headline; one with a body of its own
	 * (trailers, say) is served as written.
	 */
	static String withBody(String message) {
		return message.contains("\n\n") ? message : message + "\n\nA body that is not the headline.";
	}

	private static Map<String, Object> account(String login) {
		return login == null ? null
				: object("login", login, "id", Math.abs(login.hashCode()), "type", "User", "site_admin", false);
	}

	/** What GitHub says of the primary rate limit on every answer: plenty left here. */
	private static MockResponse.Builder withRateLimit(MockResponse.Builder response) {
		return response.addHeader("x-ratelimit-limit", 5000)
			.addHeader("x-ratelimit-remaining", 4999)
			.addHeader("x-ratelimit-used", 1)
			.addHeader("x-ratelimit-reset", Instant.now().plusSeconds(3600).getEpochSecond())
			.addHeader("x-ratelimit-resource", "core");
	}

}
