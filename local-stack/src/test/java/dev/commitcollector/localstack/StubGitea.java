package dev.commitcollector.localstack;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitcollector.localstack.SyntheticHistory.Commit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Gitea's (and Forgejo's) {@code /api/v1/repos/{owner}/{repo}/commits}: {@code limit},
 * capped at the server's 50, and {@code page}, pinned by {@code sha}; items in GitHub's
 * shape, dates with the author's offset; paginated by {@code Link}, {@code X-HasMore} and
 * {@code X-Total-Count}.
 */
final class StubGitea extends StubForge {

	private static final Pattern COMMITS = Pattern.compile("/repos/([^/?]+/[^/?]+)/commits(\\?.*)?");

	/** The raw file API. */
	private static final Pattern MAILMAP = Pattern.compile("/repos/([^/?]+/[^/?]+)/raw/\\.mailmap\\?ref=([0-9a-f]+)");

	StubGitea() throws IOException {
		super("/api/v1", COMMITS, MAILMAP);
	}

	@Override
	protected MockResponse answer(RecordedRequest request, Repository repository, Matcher target) {
		List<Commit> reachable = repository.from(request.getUrl().queryParameter("sha"));
		if (reachable == null) {
			return error(404, "sha not found");
		}
		int size = Math.min(50, intParam(request, "limit", 50));
		int page = Math.max(1, intParam(request, "page", 1));
		int pages = (reachable.size() + size - 1) / size;
		String api = apiUrl() + "/repos/" + repository.path();
		MockResponse.Builder response = ok(repository, page(reachable, page, size).stream().map(commit -> {
			Map<String, Object> item = StubGitHub.item(api, commit, account(commit), ZoneOffset.ofHours(2));
			item.put("created", date(commit.authoredAt(), ZoneOffset.ofHours(2)));
			item.put("files", null);
			item.put("stats", null);
			return item;
		}).toList()).addHeader("X-Total-Count", reachable.size())
			.addHeader("X-HasMore", page < pages)
			.addHeader("X-Page", page)
			.addHeader("X-PerPage", size)
			.addHeader("X-PageCount", pages);
		if (page < pages) {
			response.addHeader("Link", "<" + with(request, "page", page + 1) + ">; rel=\"next\",<"
					+ with(request, "page", pages) + ">; rel=\"last\"");
		}
		return response.build();
	}

	@Override
	protected MockResponse notFound() {
		return error(404, "The target couldn't be found.");
	}

	private static Map<String, Object> account(Commit commit) {
		return commit.login() == null ? null
				: object("id", Math.abs(commit.login().hashCode()), "login", commit.login(), "login_name", "",
						"full_name", commit.name(), "email", commit.email(), "username", commit.login());
	}

	private static MockResponse error(int status, String message) {
		return json(status, object("message", message, "url", "https://codeberg.org/api/swagger")).build();
	}

}
