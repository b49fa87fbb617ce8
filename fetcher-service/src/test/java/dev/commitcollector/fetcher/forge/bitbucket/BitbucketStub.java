package dev.commitcollector.fetcher.forge.bitbucket;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.contract.HttpStubForge;
import dev.commitcollector.fetcher.forge.contract.StubForge.StubCommit;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Bitbucket Cloud's {@code /2.0/repositories/{workspace}/{slug}}, whose
 * {@code mainbranch} an empty repository lacks, and
 * {@code /2.0/repositories/{workspace}/{slug}/commits[/{revision}]}: pages of
 * {@code pagelen} commits whose {@code next} carries a random page token. Only tokens it
 * handed out are served; a page number made up by the client is refused, as Bitbucket's
 * tokens cannot be guessed. With no revision the listing is every branch's
 * ({@code git log --all}): each non-empty repository has another branch, forked below the
 * main branch's head, whose one commit is newer than that head.
 */
final class BitbucketStub extends HttpStubForge {

	static final String TOKEN = "ATCTT3xFfGN0-contract";

	private static final Pattern REPOSITORY = Pattern.compile("/2\\.0/repositories/([^/]+/[^/]+)");

	private static final Pattern MAILMAP = Pattern
		.compile("/2\\.0/repositories/([^/]+/[^/]+)/src/([0-9a-f]+)/\\.mailmap");

	private static final Pattern COMMITS = Pattern.compile("/2\\.0/repositories/([^/]+/[^/]+)/commits(?:/([^/]+))?");

	/**
	 * The main branch's name; it may hold a slash, which a revision in the path carries
	 * as {@code %2F}.
	 */
	private volatile String mainBranch = "main";

	/** Page token to the offset it stands for. */
	private final Map<String, Integer> tokens = new ConcurrentHashMap<>();

	private final List<String> nexts = new CopyOnWriteArrayList<>();

	private volatile HttpUrl nextBase;

	private volatile String nextPath;

	BitbucketStub() throws IOException {
	}

	/** Next URLs to another listing on the same API, such as another repository's. */
	BitbucketStub nextListing(String path) {
		this.nextPath = path;
		return this;
	}

	/** Next URLs built on another base, as a compromised proxy might send them. */
	BitbucketStub nextPointingTo(HttpUrl base) {
		this.nextBase = base;
		return this;
	}

	/** Names the main branch {@code name}. */
	BitbucketStub mainBranch(String name) {
		this.mainBranch = name;
		return this;
	}

	/**
	 * The one commit of the other branch of the repository whose main history is
	 * {@code history}: an hour newer than the main branch's head, its parent the head's
	 * parent. None in an empty repository.
	 */
	static StubCommit otherBranch(List<StubCommit> history) {
		if (history.isEmpty()) {
			return null;
		}
		StubCommit head = history.get(0);
		String sha = "0bb" + UUID.nameUUIDFromBytes(("other " + head.sha()).getBytes()).toString().replace("-", "")
				+ "00000";
		return new StubCommit(sha, "Other Author", "other@example.org", null, head.authoredAt().plusSeconds(3600),
				"Work on another branch");
	}

	/** The next URLs handed out, in order. */
	List<String> nexts() {
		return List.copyOf(nexts);
	}

	@Override
	public Forge forge() {
		return new BitbucketForge("bitbucket",
				new ProviderSettings(ForgeType.BITBUCKET, baseUrl("/"), TOKEN, Duration.ofSeconds(5), 1), QUICK_RETRY,
				WebClient.builder(), Clock.systemUTC());
	}

	@Override
	protected MockResponse answer(RecordedRequest request) {
		HttpUrl url = request.getUrl();
		Matcher mailmap = MAILMAP.matcher(url.encodedPath());
		if (mailmap.matches()) {
			return mailmapAnswer(mailmap.group(1), mailmap.group(2),
					() -> error(404, "No such file or directory: .mailmap"));
		}
		Matcher repository = REPOSITORY.matcher(url.encodedPath());
		if (repository.matches()) {
			return repositoryAnswer(repository.group(1), history(repository.group(1)));
		}
		Matcher matcher = COMMITS.matcher(url.encodedPath());
		List<StubCommit> history = matcher.matches() ? history(matcher.group(1)) : null;
		if (history == null) {
			return error(404, "Repository " + (matcher.matches() ? matcher.group(1) : "") + " not found");
		}
		StubCommit other = otherBranch(history);
		String revision = matcher.group(2) == null ? null : URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8);
		List<StubCommit> reachable = reachable(history, other, revision);
		String token = url.queryParameter("page");
		Integer offset = token == null ? Integer.valueOf(0) : tokens.get(token);
		if (reachable == null || offset == null) {
			return error(404, "Commit not found");
		}
		int size = Math.min(100, intParam(url, "pagelen", 30));
		if (breakThisAnswer()) {
			return json(200, List.of(Map.of("hash", history.get(0).sha()))).build();
		}
		List<Object> values = new ArrayList<>();
		for (int i = offset; i < Math.min(reachable.size(), offset + size); i++) {
			StubCommit commit = reachable.get(i);
			List<String> parents = other != null && commit.sha().equals(other.sha())
					? (history.size() > 1 ? List.of(history.get(1).sha()) : List.of()) : parentsOf(reachable, i);
			values.add(served(commit.sha(), item(matcher.group(1), commit, parents), "parents"));
		}
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("values", values);
		page.put("pagelen", size);
		if (offset + size < reachable.size()) {
			page.put("next", next(url, offset + size));
		}
		return json(200, page).build();
	}

	/**
	 * What {@code git log revision} lists; every branch for null; null when there is no
	 * such revision.
	 */
	private List<StubCommit> reachable(List<StubCommit> history, StubCommit other, String revision) {
		if (revision == null) {
			if (other == null) {
				return history;
			}
			List<StubCommit> all = new ArrayList<>(history.size() + 1);
			all.add(other);
			all.addAll(history);
			return all;
		}
		if (revision.equals(mainBranch)) {
			return history.isEmpty() ? null : history;
		}
		if (other != null && revision.equals(other.sha())) {
			List<StubCommit> branch = new ArrayList<>(history.size());
			branch.add(other);
			branch.addAll(history.subList(1, history.size()));
			return branch;
		}
		return from(history, revision);
	}

	/**
	 * The repository's metadata; no {@code mainbranch} when it is empty, 404 when there
	 * is none.
	 */
	private MockResponse repositoryAnswer(String path, List<StubCommit> history) {
		if (history == null) {
			return error(404, "Repository " + path + " not found");
		}
		return repository(path, history.isEmpty() ? null : mainBranch);
	}

	/**
	 * A repository answer whose {@code mainbranch} is {@code branch}, or lacking one when
	 * it is null.
	 */
	static MockResponse repository(String path, String branch) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "repository");
		body.put("full_name", path);
		body.put("scm", "git");
		body.put("is_private", true);
		if (branch != null) {
			body.put("mainbranch", Map.of("name", branch, "type", "branch"));
		}
		return json(200, body).build();
	}

	private String next(HttpUrl requested, int offset) {
		String token = UUID.randomUUID().toString().replace("-", "");
		tokens.put(token, offset);
		HttpUrl base = nextBase != null ? nextBase : requested;
		HttpUrl.Builder listing = requested.newBuilder();
		if (nextPath != null) {
			listing.encodedPath(nextPath);
		}
		String next = listing.scheme(base.scheme())
			.host(base.host())
			.port(base.port())
			.setQueryParameter("page", token)
			.build()
			.toString();
		nexts.add(next);
		return next;
	}

	private Map<String, Object> item(String repository, StubCommit commit, List<String> parents) {
		String api = baseUrl("/2.0/repositories/" + repository).toString();
		Map<String, Object> author = new LinkedHashMap<>();
		author.put("type", "author");
		author.put("raw", commit.authorName() + " <" + commit.authorEmail() + ">");
		if (commit.login() != null) {
			author.put("user", user(commit));
		}
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("type", "commit");
		item.put("hash", commit.sha());
		item.put("date", commit.authoredAt().atOffset(ZoneOffset.UTC).toString().replace("Z", "+00:00"));
		item.put("author", author);
		item.put("message", commit.message() + "\n");
		item.put("summary", Map.of("type", "rendered", "raw", commit.message() + "\n", "markup", "markdown"));
		item.put("parents",
				parents.stream()
					.map(sha -> Map.of("type", "commit", "hash", sha, "links",
							Map.of("self", Map.of("href", api + "/commit/" + sha))))
					.toList());
		item.put("links", Map.of("self", Map.of("href", api + "/commit/" + commit.sha())));
		return item;
	}

	/**
	 * The linked account: its account_id is the stub's login; its nickname, with a space,
	 * is not.
	 */
	private static Map<String, Object> user(StubCommit commit) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("type", "user");
		user.put("display_name", commit.authorName());
		user.put("nickname", "nick " + commit.login());
		user.put("account_id", commit.login());
		user.put("uuid", "{" + UUID.nameUUIDFromBytes(commit.login().getBytes()) + "}");
		return user;
	}

	@Override
	protected MockResponse badCredentials() {
		return error(401, "Token is invalid, expired, or not supported for this endpoint.");
	}

	@Override
	protected MockResponse rateLimited(int seconds) {
		String message = "Rate limit for this resource has been exceeded";
		return json(429, Map.of("type", "error", "error", Map.of("message", message))).addHeader("Retry-After", seconds)
			.build();
	}

	@Override
	protected MockResponse serverError() {
		return error(500, "Something went wrong");
	}

	/** A last page holding one commit by {@code author}. */
	static MockResponse page(String sha, Map<String, Object> author) {
		Map<String, Object> item = Map.of("type", "commit", "hash", sha, "date", "2025-06-01T00:00:00+00:00", "author",
				author, "message", "Change\n", "parents", List.of());
		return json(200, Map.of("values", List.of(item), "pagelen", 1)).build();
	}

	static MockResponse error(int status, String message) {
		return json(status, Map.of("type", "error", "error", Map.of("message", message))).build();
	}

	@Override
	public int requestsBesidesPages() {
		return 1;
	}

}
