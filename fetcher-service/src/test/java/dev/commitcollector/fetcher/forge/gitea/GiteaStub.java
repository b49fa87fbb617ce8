package dev.commitcollector.fetcher.forge.gitea;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
 * A Gitea (1.2x) or Forgejo at {@code /api/v1}: {@code /repos/{owner}/{repo}/commits}
 * with {@code limit} (at most 50) and {@code page}, pinned by {@code sha}, paginated by
 * {@code Link} and {@code X-HasMore}.
 */
final class GiteaStub extends HttpStubForge {

	static final String TOKEN = "gitea_contract_token";

	private static final Pattern COMMITS = Pattern.compile("/api/v1/repos/([^/]+/[^/]+)/commits");

	private static final Pattern MAILMAP = Pattern.compile("/api/v1/repos/([^/]+/[^/]+)/raw/\\.mailmap");

	private volatile boolean links = true;

	private volatile HttpUrl linkBase;

	GiteaStub() throws IOException {
	}

	/** Pages as a Gitea whose reverse proxy strips the Link header: X-HasMore only. */
	GiteaStub withoutLinks() {
		this.links = false;
		return this;
	}

	/**
	 * Links built on another base, as a Gitea whose ROOT_URL is not the URL the fetcher
	 * uses.
	 */
	GiteaStub linksPointingTo(HttpUrl base) {
		this.linkBase = base;
		return this;
	}

	@Override
	public Forge forge() {
		return new GiteaForge("codeberg",
				new ProviderSettings(ForgeType.GITEA, baseUrl("/api/v1"), TOKEN, Duration.ofSeconds(5), 1), QUICK_RETRY,
				WebClient.builder(), Clock.systemUTC());
	}

	@Override
	protected MockResponse answer(RecordedRequest request) {
		HttpUrl url = request.getUrl();
		Matcher mailmap = MAILMAP.matcher(url.encodedPath());
		if (mailmap.matches()) {
			return mailmapAnswer(mailmap.group(1), url.queryParameter("ref"),
					() -> error(404, "object does not exist [id: , rel_path: .mailmap]"));
		}
		Matcher matcher = COMMITS.matcher(url.encodedPath());
		List<StubCommit> history = matcher.matches() ? history(matcher.group(1)) : null;
		if (history == null) {
			return error(404, "The target couldn't be found.");
		}
		if (history.isEmpty()) {
			return error(409, "Git Repository is empty.");
		}
		if (breakThisAnswer()) {
			return json(200, Map.of("message", "this is not a list of commits")).build();
		}
		List<StubCommit> reachable = from(history, url.queryParameter("sha"));
		if (reachable == null) {
			return error(404, "sha not found");
		}
		int size = Math.min(50, intParam(url, "limit", 50));
		int page = Math.max(1, intParam(url, "page", 1));
		List<Object> items = new ArrayList<>();
		List<StubCommit> commits = page(reachable, page, size);
		for (int i = 0; i < commits.size(); i++) {
			items.add(served(commits.get(i).sha(),
					item(matcher.group(1), commits.get(i), parentsOf(reachable, (page - 1) * size + i)), "parents"));
		}
		boolean more = hasPageAfter(reachable, page, size);
		MockResponse.Builder response = json(200, items).addHeader("X-Total-Count", reachable.size())
			.addHeader("X-HasMore", more)
			.addHeader("X-Page", page)
			.addHeader("X-PerPage", size);
		if (more && links) {
			HttpUrl base = linkBase != null ? linkBase : url;
			response.addHeader("Link",
					"<" + url.newBuilder()
						.scheme(base.scheme())
						.host(base.host())
						.port(base.port())
						.setQueryParameter("page", String.valueOf(page + 1))
						.build() + ">; rel=\"next\"");
		}
		return response.build();
	}

	private Map<String, Object> item(String repository, StubCommit commit, List<String> parents) {
		String api = baseUrl("/api/v1/repos/" + repository).toString();
		Map<String, Object> git = new LinkedHashMap<>();
		git.put("url", api + "/git/commits/" + commit.sha());
		git.put("author", person(commit.authorName(), commit.authorEmail(), commit));
		git.put("committer", person("Forgejo", "noreply@codeberg.org", commit));
		git.put("message", commit.message() + "\n");
		git.put("tree", Map.of("url", api + "/git/trees/" + commit.sha(), "sha", commit.sha()));
		git.put("verification", null);
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("url", api + "/git/commits/" + commit.sha());
		item.put("sha", commit.sha());
		item.put("created", commit.authoredAt().toString());
		item.put("html_url", "https://codeberg.org/" + repository + "/commit/" + commit.sha());
		item.put("commit", git);
		item.put("author", commit.login() == null ? null : account(commit.login(), commit.authorEmail()));
		item.put("committer", null);
		item.put("parents",
				parents.stream().map(sha -> Map.of("url", api + "/git/commits/" + sha, "sha", sha)).toList());
		item.put("files", null);
		item.put("stats", null);
		return item;
	}

	private static Map<String, Object> person(String name, String email, StubCommit commit) {
		// Gitea writes dates with the committer's offset
		return Map.of("name", name, "email", email, "date",
				commit.authoredAt().atOffset(ZoneOffset.ofHours(2)).toString());
	}

	private static Map<String, Object> account(String login, String email) {
		Map<String, Object> account = new LinkedHashMap<>();
		account.put("id", Math.abs(login.hashCode()));
		account.put("login", login);
		account.put("login_name", "");
		account.put("full_name", "");
		account.put("email", email);
		account.put("username", login);
		return account;
	}

	@Override
	protected MockResponse badCredentials() {
		return error(401, "user does not exist [uid: 0, name: ]");
	}

	@Override
	protected MockResponse rateLimited(int seconds) {
		return new MockResponse.Builder().code(429).addHeader("Retry-After", seconds).body("Too Many Requests").build();
	}

	@Override
	protected MockResponse serverError() {
		return error(500, "internal server error");
	}

	private MockResponse error(int status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("url", "https://codeberg.org/api/swagger");
		return json(status, body).build();
	}

	@Override
	public int pageSize() {
		return 50;
	}

}
