package dev.commitcollector.fetcher.forge.gitlab;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * GitLab at {@code /api/v4}, with projects in nested groups. A project is found only by
 * its full path encoded as one segment ({@code acme%2Fplatform%2Fname}), as the request
 * target arrives: a path sent with plain or doubly encoded slashes is not found. Pages by
 * {@code page}/{@code per_page}, pinned by {@code ref_name}, with {@code x-next-page} and
 * {@code Link} but no {@code x-total}.
 */
final class GitLabStub extends HttpStubForge {

	static final String TOKEN = "glpat-contract";

	private static final Pattern MAILMAP = Pattern
		.compile("/api/v4/projects/([^/?]+)/repository/files/\\.mailmap/raw\\?ref=([0-9a-f]+)");

	private static final Pattern COMMITS = Pattern.compile("/api/v4/projects/([^/?]+)/repository/commits(\\?.*)?");

	private volatile boolean links = true;

	GitLabStub() throws IOException {
	}

	/** Pages as a GitLab behind a proxy that drops the Link header: x-next-page only. */
	GitLabStub withoutLinks() {
		this.links = false;
		return this;
	}

	@Override
	public String path(String name) {
		return "acme/platform/" + name;
	}

	/** GitLab names no account for a commit author. */
	@Override
	public boolean supports(Capability capability) {
		return capability != Capability.UNLINKED_ACCOUNTS;
	}

	@Override
	public Forge forge() {
		return new GitLabForge("gitlab",
				new ProviderSettings(ForgeType.GITLAB, baseUrl("/api/v4"), TOKEN, Duration.ofSeconds(5), 1),
				QUICK_RETRY, WebClient.builder(), Clock.systemUTC());
	}

	@Override
	protected MockResponse answer(RecordedRequest request) {
		Matcher mailmap = MAILMAP.matcher(request.getTarget());
		if (mailmap.matches()) {
			return mailmapAnswer(URLDecoder.decode(mailmap.group(1), StandardCharsets.UTF_8), mailmap.group(2),
					() -> message(404, "404 File Not Found"));
		}
		Matcher target = COMMITS.matcher(request.getTarget());
		String project = target.matches() ? URLDecoder.decode(target.group(1), StandardCharsets.UTF_8) : null;
		List<StubCommit> history = project == null ? null : history(project);
		if (history == null) {
			return message(404, "404 Project Not Found");
		}
		if (breakThisAnswer()) {
			return json(200, Map.of("message", "this is not a list of commits")).build();
		}
		HttpUrl url = request.getUrl();
		List<StubCommit> reachable = from(history, url.queryParameter("ref_name"));
		if (reachable == null) {
			return message(404, "404 Commit Not Found");
		}
		int size = Math.min(100, intParam(url, "per_page", 20));
		int page = Math.max(1, intParam(url, "page", 1));
		List<Object> items = new ArrayList<>();
		List<StubCommit> commits = page(reachable, page, size);
		for (int i = 0; i < commits.size(); i++) {
			items.add(served(commits.get(i).sha(),
					item(project, commits.get(i), parentsOf(reachable, (page - 1) * size + i)), "parent_ids"));
		}
		boolean more = hasPageAfter(reachable, page, size);
		MockResponse.Builder response = json(200, items).addHeader("x-page", page)
			.addHeader("x-per-page", size)
			.addHeader("x-next-page", more ? String.valueOf(page + 1) : "")
			.addHeader("x-prev-page", page > 1 ? String.valueOf(page - 1) : "")
			.addHeader("RateLimit-Limit", 2000)
			.addHeader("RateLimit-Remaining", 1999)
			.addHeader("RateLimit-Reset", Instant.now().plusSeconds(60).getEpochSecond());
		if (more && links) {
			String next = request.getTarget().replaceAll("&page=\\d+", "") + "&page=" + (page + 1);
			response.addHeader("Link",
					"<" + server.url("/").toString().replaceAll("/$", "") + next + ">; rel=\"next\"");
		}
		return response.build();
	}

	private static Map<String, Object> item(String project, StubCommit commit, List<String> parents) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", commit.sha());
		item.put("short_id", commit.sha().substring(0, 8));
		item.put("created_at", commit.authoredAt().plusSeconds(90).toString());
		item.put("parent_ids", parents);
		item.put("title", commit.message().lines().findFirst().orElse(""));
		item.put("message", commit.message() + "\n");
		item.put("author_name", commit.authorName());
		item.put("author_email", commit.authorEmail());
		item.put("authored_date", commit.authoredAt().atOffset(ZoneOffset.ofHours(3)).toString());
		item.put("committer_name", "GitLab");
		item.put("committer_email", "noreply@gitlab.com");
		item.put("committed_date", commit.authoredAt().plusSeconds(90).toString());
		item.put("trailers", Map.of());
		item.put("extended_trailers", Map.of());
		item.put("web_url", "https://gitlab.com/" + project + "/-/commit/" + commit.sha());
		return item;
	}

	@Override
	protected MockResponse badCredentials() {
		return message(401, "401 Unauthorized");
	}

	/** GitLab's throttle answers in plain text and says when to come back. */
	@Override
	protected MockResponse rateLimited(int seconds) {
		long reset = Instant.now().plusSeconds(seconds).getEpochSecond();
		return new MockResponse.Builder().code(429)
			.addHeader("Retry-After", seconds)
			.addHeader("RateLimit-Limit", 2000)
			.addHeader("RateLimit-Remaining", 0)
			.addHeader("RateLimit-Reset", reset)
			.body("Retry later\n")
			.build();
	}

	@Override
	protected MockResponse serverError() {
		return message(500, "500 Internal Server Error");
	}

	static MockResponse message(int status, String message) {
		return json(status, Map.of("message", message)).build();
	}

}
