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
 * GitLab's {@code /api/v4/projects/{id}/repository/commits}, with projects in nested
 * groups. A project is found only by its full path encoded as one segment
 * ({@code acme%2Fplatform%2Fwidgets}), as GitLab routes it: a path with plain or doubly
 * encoded slashes finds nothing. {@code per_page} (at most 100) and {@code page}, pinned
 * by {@code ref_name}; {@code x-next-page} and {@code Link}, but no {@code x-total}.
 * GitLab names no account for an author.
 */
final class StubGitLab extends StubForge {

	private static final Pattern COMMITS = Pattern.compile("/projects/([^/?]+)/repository/commits(\\?.*)?");

	/** The repository files API, raw. */
	private static final Pattern MAILMAP = Pattern
		.compile("/projects/([^/?]+)/repository/files/\\.mailmap/raw\\?ref=([0-9a-f]+)");

	StubGitLab() throws IOException {
		super("/api/v4", COMMITS, MAILMAP);
	}

	@Override
	String login(Commit commit) {
		return null;
	}

	@Override
	protected MockResponse answer(RecordedRequest request, Repository repository, Matcher target) {
		List<Commit> reachable = repository.from(request.getUrl().queryParameter("ref_name"));
		if (reachable == null) {
			return json(404, Map.of("message", "404 Commit Not Found")).build();
		}
		int size = Math.min(100, intParam(request, "per_page", 20));
		int page = Math.max(1, intParam(request, "page", 1));
		boolean more = hasPageAfter(reachable, page, size);
		String link = "<" + with(request, "page", 1) + ">; rel=\"first\"";
		return ok(repository, page(reachable, page, size).stream().map(commit -> item(repository, commit)).toList())
			.addHeader("x-page", page)
			.addHeader("x-per-page", size)
			.addHeader("x-next-page", more ? String.valueOf(page + 1) : "")
			.addHeader("x-prev-page", page > 1 ? String.valueOf(page - 1) : "")
			.addHeader("Link", more ? "<" + with(request, "page", page + 1) + ">; rel=\"next\", " + link : link)
			.addHeader("RateLimit-Limit", 2000)
			.addHeader("RateLimit-Remaining", 1999)
			.addHeader("RateLimit-Reset", Instant.now().plusSeconds(60).getEpochSecond())
			.build();
	}

	@Override
	protected MockResponse notFound() {
		return json(404, Map.of("message", "404 Project Not Found")).build();
	}

	private static Map<String, Object> item(Repository repository, Commit commit) {
		String committed = date(commit.authoredAt().plusSeconds(90), ZoneOffset.UTC);
		return object("id", commit.sha(), "short_id", commit.sha().substring(0, 8), "created_at", committed,
				"parent_ids", commit.parents(), "title", commit.message(), "message",
				commit.message() + "\n\nA body that is not the headline.\n", "author_name", commit.name(),
				"author_email", commit.email(), "authored_date", date(commit.authoredAt(), ZoneOffset.ofHours(3)),
				"committer_name", "Stub Committer", "committer_email", "committer@example.org", "committed_date",
				committed, "trailers", Map.of(), "extended_trailers", Map.of(), "web_url",
				"https://gitlab.example.org/" + repository.path() + "/-/commit/" + commit.sha());
	}

}
