package dev.commitcollector.fetcher.forge.github;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import dev.commitcollector.fetcher.forge.http.RetrySettings;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for GitHub's {@code GET /repos/{owner}/{repo}/commits}: one synthetic
 * repository, answered in GitHub's documented JSON shape, paginated with {@code per_page}
 * and {@code page}, pinned by {@code sha}, with absolute {@code Link} headers pointing at
 * {@code /repositories/{id}/commits} as GitHub's do.
 *
 * @see <a href="https://docs.github.com/en/rest/commits/commits#list-commits">List
 * commits</a>
 */
final class GitHubStub extends Dispatcher {

	static final long REPOSITORY_ID = 1296269;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockWebServer server;

	private final String prefix;

	private final String owner;

	private final String name;

	/** Quick backoffs, and at most 5 s of waiting for a rate limit. */
	static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofSeconds(5), Duration.ofSeconds(60));

	/** Newest first, as {@code git log} from the head. */
	private final List<Commit> history = new CopyOnWriteArrayList<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Queue<MockResponse> scripted = new ConcurrentLinkedQueue<>();

	private volatile Supplier<MockResponse> always;

	private volatile String requiredToken;

	private volatile HttpUrl linkBase;

	private volatile String mailmap;

	private volatile String formerName;

	private volatile String rateLimitRemaining;

	private volatile Instant rateLimitReset;

	private GitHubStub(MockWebServer server, String prefix, String owner, String name) {
		this.server = server;
		this.prefix = prefix;
		this.owner = owner;
		this.name = name;
	}

	/**
	 * Serves {@code owner/name} below {@code prefix}: "" as api.github.com does,
	 * "/api/v3" as Enterprise does.
	 */
	static GitHubStub serving(MockWebServer server, String prefix, String owner, String name) {
		GitHubStub stub = new GitHubStub(server, prefix, owner, name);
		server.setDispatcher(stub);
		return stub;
	}

	/**
	 * A GitHub forge whose API is this stub's (below its prefix), with {@link #RETRY}.
	 */
	GitHubForge forge(String token) {
		URI apiUrl = URI.create(server.url(prefix.isEmpty() ? "/" : prefix).toString().replaceAll("/$", ""));
		return new GitHubForge("github",
				new ProviderSettings(ForgeType.GITHUB, apiUrl, token, Duration.ofSeconds(5), 1), RETRY,
				WebClient.builder(), Clock.systemUTC());
	}

	GitHubStub withHistory(List<Commit> newestFirst) {
		history.clear();
		history.addAll(newestFirst);
		return this;
	}

	/** Someone pushed: {@code commit} becomes the new head. */
	GitHubStub push(Commit commit) {
		history.add(0, commit);
		return this;
	}

	/**
	 * The next requests, whatever they ask, get these answers, in order; then the
	 * repository is served again.
	 */
	GitHubStub answerNext(MockResponse... responses) {
		scripted.addAll(List.of(responses));
		return this;
	}

	/**
	 * Serves {@code text} as the {@code .mailmap} at the head (the contents API, raw);
	 * none when null, as by default.
	 */
	GitHubStub withMailmap(String text) {
		this.mailmap = text;
		return this;
	}

	/**
	 * The repository was called {@code name} before: what is asked of that name answers
	 * 301 to the same path below {@code /repositories/{id}}, as GitHub answers for a
	 * repository renamed or moved.
	 */
	GitHubStub renamedFrom(String name) {
		this.formerName = name;
		return this;
	}

	/**
	 * Says on every page that {@code remaining} requests are left until {@code reset}, as
	 * GitHub's {@code x-ratelimit-*} headers do.
	 */
	GitHubStub withRateLimit(long remaining, Instant reset) {
		this.rateLimitReset = reset;
		this.rateLimitRemaining = String.valueOf(remaining);
		return this;
	}

	/** Every request gets this answer. */
	GitHubStub answerAlways(Supplier<MockResponse> response) {
		this.always = response;
		return this;
	}

	/** Answers 401 Bad credentials unless {@code Authorization: Bearer token} is sent. */
	GitHubStub requireToken(String token) {
		this.requiredToken = token;
		return this;
	}

	/**
	 * Builds the Link headers on another base URL, as a compromised or misconfigured
	 * proxy might.
	 */
	GitHubStub linksPointingTo(HttpUrl base) {
		this.linkBase = base;
		return this;
	}

	List<RecordedRequest> requests() {
		return List.copyOf(requests);
	}

	List<String> shas() {
		return history.stream().map(Commit::sha).toList();
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		requests.add(request);
		MockResponse next = scripted.poll();
		if (next != null) {
			return next;
		}
		if (always != null) {
			return always.get();
		}
		if (requiredToken != null && !("Bearer " + requiredToken).equals(request.getHeaders().get("Authorization"))) {
			return error(401, "Bad credentials", "https://docs.github.com/rest");
		}
		HttpUrl url = request.getUrl();
		String path = url.encodedPath();
		String former = prefix + "/repos/" + owner + "/" + formerName + "/";
		if (formerName != null && path.startsWith(former)) {
			String moved = prefix + "/repositories/" + REPOSITORY_ID + "/" + path.substring(former.length());
			return new MockResponse.Builder().code(301)
				.setHeader("Location", url.newBuilder().encodedPath(moved).build().toString())
				.setHeader("Content-Type", "application/json; charset=utf-8")
				.body("{\"message\":\"Moved Permanently\",\"url\":\"" + moved + "\"}")
				.build();
		}
		if (path.equals(prefix + "/repos/" + owner + "/" + name + "/contents/.mailmap")
				|| path.equals(prefix + "/repositories/" + REPOSITORY_ID + "/contents/.mailmap")) {
			return mailmap(url.queryParameter("ref"));
		}
		if (!"GET".equals(request.getMethod()) || !(path.equals(prefix + "/repos/" + owner + "/" + name + "/commits")
				|| path.equals(prefix + "/repositories/" + REPOSITORY_ID + "/commits"))) {
			return error(404, "Not Found", "https://docs.github.com/rest/commits/commits#list-commits");
		}
		return commits(url);
	}

	/** The raw file at the head; 404 as GitHub answers for a path it does not have. */
	private MockResponse mailmap(String ref) {
		String text = mailmap;
		if (text == null || history.isEmpty() || !history.get(0).sha().equals(ref)) {
			return error(404, "Not Found", "https://docs.github.com/rest/repos/contents#get-repository-content");
		}
		return ok(text).setHeader("Content-Type", "application/vnd.github.raw; charset=utf-8").build();
	}

	private MockResponse commits(HttpUrl url) {
		if (history.isEmpty()) {
			return error(409, "Git Repository is empty.", "https://docs.github.com/rest/commits/commits#list-commits");
		}
		int perPage = Math.min(100, intParam(url, "per_page", 30));
		int page = Math.max(1, intParam(url, "page", 1));
		String sha = url.queryParameter("sha");
		List<Commit> reachable = history;
		if (sha != null) {
			int head = shas().indexOf(sha);
			if (head < 0) {
				return error(422, "No commit found for SHA: " + sha,
						"https://docs.github.com/rest/commits/commits#list-commits");
			}
			reachable = history.subList(head, history.size());
		}
		int from = Math.min(reachable.size(), (page - 1) * perPage);
		int to = Math.min(reachable.size(), from + perPage);
		List<Map<String, Object>> items = reachable.subList(from, to).stream().map(this::item).toList();
		int lastPage = Math.max(1, (reachable.size() + perPage - 1) / perPage);
		var response = ok(JSON.writeValueAsString(items));
		String link = link(url, page, lastPage);
		if (!link.isEmpty()) {
			response.addHeader("Link", link);
		}
		if (rateLimitRemaining != null) {
			response.setHeader("x-ratelimit-remaining", rateLimitRemaining)
				.setHeader("x-ratelimit-reset", String.valueOf(rateLimitReset.getEpochSecond()));
		}
		return response.build();
	}

	/**
	 * GitHub's Link header: next and last while there are more pages, prev and first
	 * after the first.
	 */
	private String link(HttpUrl requested, int page, int lastPage) {
		List<String> links = new ArrayList<>();
		if (page < lastPage) {
			links.add("<" + pageUrl(requested, page + 1) + ">; rel=\"next\"");
			links.add("<" + pageUrl(requested, lastPage) + ">; rel=\"last\"");
		}
		if (page > 1) {
			links.add("<" + pageUrl(requested, page - 1) + ">; rel=\"prev\"");
			links.add("<" + pageUrl(requested, 1) + ">; rel=\"first\"");
		}
		return String.join(", ", links);
	}

	private HttpUrl pageUrl(HttpUrl requested, int page) {
		HttpUrl base = linkBase != null ? linkBase : server.url(prefix + "/");
		HttpUrl.Builder url = base.newBuilder().encodedPath(prefix + "/repositories/" + REPOSITORY_ID + "/commits");
		for (String param : requested.queryParameterNames()) {
			if (!param.equals("page")) {
				url.addQueryParameter(param, requested.queryParameter(param));
			}
		}
		return url.addQueryParameter("page", String.valueOf(page)).build();
	}

	/** One commit as an item of this stub's listing, in JSON. */
	String itemJson(Commit commit) {
		return JSON.writeValueAsString(item(commit));
	}

	private Map<String, Object> item(Commit commit) {
		return item(server.url(prefix + "/repos/" + owner + "/" + name).toString(), owner + "/" + name, commit);
	}

	/**
	 * One commit in GitHub's shape; {@code api} is the repository's API URL,
	 * {@code fullName} its owner/name.
	 */
	static Map<String, Object> item(String api, String fullName, Commit commit) {
		Map<String, Object> gitCommit = new LinkedHashMap<>();
		gitCommit.put("author", person(commit.authorName(), commit.authorEmail(), commit.authoredAt()));
		gitCommit.put("committer", person(commit.committerName(), commit.committerEmail(), commit.committedAt()));
		gitCommit.put("message", commit.message());
		gitCommit.put("tree", Map.of("sha", sha("tree " + commit.sha()), "url", api + "/git/trees/x"));
		gitCommit.put("url", api + "/git/commits/" + commit.sha());
		gitCommit.put("comment_count", 0);
		gitCommit.put("verification", Map.of("verified", false, "reason", "unsigned"));
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("sha", commit.sha());
		item.put("node_id", "C_kwDO" + sha("node " + commit.sha()).substring(0, 12));
		item.put("commit", gitCommit);
		item.put("url", api + "/commits/" + commit.sha());
		item.put("html_url", "https://github.com/" + fullName + "/commit/" + commit.sha());
		item.put("comments_url", api + "/commits/" + commit.sha() + "/comments");
		item.put("author", account(commit.login()));
		item.put("committer", account(commit.committerLogin()));
		item.put("parents",
				commit.parents()
					.stream()
					.map(parent -> Map.of("sha", parent, "url", api + "/commits/" + parent))
					.toList());
		return item;
	}

	private static Map<String, Object> person(String name, String email, Instant date) {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("name", name);
		person.put("email", email);
		person.put("date", date == null ? null : date.toString());
		return person;
	}

	private static Map<String, Object> account(String login) {
		if (login == null) {
			return null;
		}
		Map<String, Object> account = new LinkedHashMap<>();
		account.put("login", login);
		account.put("id", Math.abs(login.hashCode()));
		account.put("node_id", "MDQ6VXNlcjE=");
		account.put("avatar_url", "https://github.com/images/error/" + login + "_happy.gif");
		account.put("type", "User");
		account.put("site_admin", false);
		return account;
	}

	private static int intParam(HttpUrl url, String name, int fallback) {
		String value = url.queryParameter(name);
		return value == null ? fallback : Integer.parseInt(value);
	}

	/**
	 * A 200 with the headers GitHub sends on every answer, the rate-limit budget far from
	 * spent.
	 */
	static MockResponse.Builder ok(String json) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json; charset=utf-8")
			.addHeader("x-ratelimit-limit", "5000")
			.addHeader("x-ratelimit-remaining", "4999")
			.addHeader("x-ratelimit-used", "1")
			.addHeader("x-ratelimit-reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()))
			.addHeader("x-ratelimit-resource", "core")
			.body(json);
	}

	static MockResponse error(int status, String message, String documentation) {
		return ok("{\"message\":" + JSON.writeValueAsString(message) + ",\"documentation_url\":\"" + documentation
				+ "\",\"status\":\"" + status + "\"}")
			.code(status)
			.build();
	}

	/** A primary rate limit: 403, nothing remaining until {@code reset}. */
	static MockResponse rateLimited(Instant reset) {
		return new MockResponse.Builder().code(403)
			.addHeader("Content-Type", "application/json; charset=utf-8")
			.addHeader("x-ratelimit-limit", "60")
			.addHeader("x-ratelimit-remaining", "0")
			.addHeader("x-ratelimit-used", "60")
			.addHeader("x-ratelimit-reset", String.valueOf(reset.getEpochSecond()))
			.addHeader("x-ratelimit-resource", "core")
			.body("{\"message\":\"API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated "
					+ "requests get a higher rate limit. Check out the documentation for more details.)\","
					+ "\"documentation_url\":\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}")
			.build();
	}

	static String sha(String seed) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code count} commits, newest first, each the parent of the one before, an hour
	 * apart.
	 */
	static List<Commit> history(int count) {
		List<Commit> oldestFirst = new ArrayList<>();
		Instant date = Instant.parse("2020-01-01T00:00:00Z");
		String parent = null;
		for (int i = 0; i < count; i++) {
			Commit commit = aCommit("commit " + i).parent(parent)
				.by("Author " + (i % 7), "author" + (i % 7) + "@example.org")
				.login(i % 3 == 0 ? null : "author" + (i % 7))
				.at(date.plusSeconds(3600L * i))
				.message("Change number " + i + "\n\nWith a body.")
				.build();
			oldestFirst.add(commit);
			parent = commit.sha();
		}
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	static CommitBuilder aCommit(String seed) {
		return new CommitBuilder(sha(seed));
	}

	/**
	 * A commit as the stub serves it; {@code login} null means the email is linked to no
	 * account.
	 */
	record Commit(String sha, String authorName, String authorEmail, String login, Instant authoredAt,
			String committerName, String committerEmail, String committerLogin, Instant committedAt, String message,
			List<String> parents) {
	}

	static final class CommitBuilder {

		private final String sha;

		private String authorName = "Monalisa Octocat";

		private String authorEmail = "mona@github.com";

		private String login = "octocat";

		private Instant authoredAt = Instant.parse("2011-04-14T16:00:49Z");

		private Instant committedAt;

		private String message = "Fix all the bugs";

		private List<String> parents = List.of();

		private CommitBuilder(String sha) {
			this.sha = sha;
		}

		CommitBuilder by(String name, String email) {
			this.authorName = name;
			this.authorEmail = email;
			return this;
		}

		CommitBuilder login(String login) {
			this.login = login;
			return this;
		}

		CommitBuilder at(Instant authoredAt) {
			this.authoredAt = authoredAt;
			return this;
		}

		CommitBuilder committedAt(Instant committedAt) {
			this.committedAt = committedAt;
			return this;
		}

		CommitBuilder message(String message) {
			this.message = message;
			return this;
		}

		CommitBuilder parent(String parent) {
			this.parents = parent == null ? List.of() : List.of(parent);
			return this;
		}

		Commit build() {
			Instant committed = committedAt != null ? committedAt
					: authoredAt != null ? authoredAt.plusSeconds(60) : Instant.parse("2011-04-14T16:01:49Z");
			return new Commit(sha, authorName, authorEmail, login, authoredAt, "GitHub", "noreply@github.com",
					"web-flow", committed, message, parents);
		}

	}

}
