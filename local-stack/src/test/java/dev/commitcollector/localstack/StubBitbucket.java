package dev.commitcollector.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitcollector.localstack.SyntheticHistory.Commit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Bitbucket Cloud's {@code /2.0/repositories/{workspace}/{slug}}, naming the
 * {@code mainbranch} ({@code main}; none in an empty repository), and
 * {@code /2.0/repositories/{workspace}/{slug}/commits[/{revision}]}: {@code pagelen} (at
 * most 100) commits a page and the absolute URL of the {@code next} one, whose page token
 * is random; only tokens it handed out are served, as Bitbucket's cannot be guessed. A
 * linked author's {@code author.user} carries a stable {@code account_id} and a nickname
 * its owner may change. With no revision Bitbucket lists the commits of every branch
 * ({@code git log --all}); the repositories here have one branch, so that is the main
 * branch's history.
 */
final class StubBitbucket extends StubForge {

	/** The repository itself (no third group), or its commits listing from a revision. */
	private static final Pattern COMMITS = Pattern
		.compile("/2\\.0/repositories/([^/?]+/[^/?]+)(/commits(?:/([0-9a-f]{40}|main))?)?(\\?.*)?");

	/** The src endpoint, which serves a file raw. */
	private static final Pattern MAILMAP = Pattern
		.compile("/2\\.0/repositories/([^/?]+/[^/?]+)/src/([0-9a-f]{40})/\\.mailmap");

	private static final String MAIN_BRANCH = "main";

	/** Page token to the offset it stands for. */
	private final Map<String, Integer> tokens = new ConcurrentHashMap<>();

	StubBitbucket() throws IOException {
		super("", COMMITS, MAILMAP);
	}

	/** The account the adapter keys a linked author by: its {@code account_id}. */
	@Override
	String login(Commit commit) {
		return commit.login() == null ? null
				: "557058:" + UUID.nameUUIDFromBytes(commit.login().getBytes(StandardCharsets.UTF_8));
	}

	@Override
	protected MockResponse answer(RecordedRequest request, Repository repository, Matcher target) {
		if (target.group(2) == null) {
			Map<String, Object> body = object("type", "repository", "full_name", repository.path(), "scm", "git");
			if (!repository.commits().isEmpty()) {
				body.put("mainbranch", object("name", MAIN_BRANCH, "type", "branch"));
			}
			return ok(repository, body).build();
		}
		String revision = target.group(3);
		List<Commit> reachable = MAIN_BRANCH.equals(revision) ? repository.from(null) : repository.from(revision);
		String token = request.getUrl().queryParameter("page");
		Integer offset = token == null ? Integer.valueOf(0) : tokens.get(token);
		if (reachable == null || offset == null) {
			return error(404, "Commit not found");
		}
		int size = Math.min(100, intParam(request, "pagelen", 30));
		int end = Math.min(reachable.size(), offset + size);
		Map<String, Object> body = object("pagelen", size, "values",
				reachable.subList(offset, end).stream().map(commit -> item(repository, commit)).toList());
		if (end < reachable.size()) {
			String next = UUID.randomUUID().toString().replace("-", "");
			tokens.put(next, end);
			body.put("next", with(request, "page", next));
		}
		return ok(repository, body).build();
	}

	@Override
	protected MockResponse notFound() {
		return error(404, "Repository not found");
	}

	private Map<String, Object> item(Repository repository, Commit commit) {
		String api = apiUrl() + "/2.0/repositories/" + repository.path();
		Map<String, Object> author = object("type", "author", "raw", commit.name() + " <" + commit.email() + ">");
		if (commit.login() != null) {
			author.put("user", object("type", "user", "display_name", commit.name(), "nickname",
					"nick " + commit.login(), "account_id", login(commit), "uuid",
					"{" + UUID.nameUUIDFromBytes(("uuid " + commit.login()).getBytes(StandardCharsets.UTF_8)) + "}"));
		}
		String message = commit.message() + "\n\nA body that is not the headline.\n";
		return object("type", "commit", "hash", commit.sha(), "date",
				date(commit.authoredAt(), ZoneOffset.UTC).replace("Z", "+00:00"), "author", author, "message", message,
				"summary", object("type", "rendered", "raw", message, "markup", "markdown"), "parents",
				commit.parents()
					.stream()
					.map(sha -> object("type", "commit", "hash", sha, "links", links(api + "/commit/" + sha)))
					.toList(),
				"links", links(api + "/commit/" + commit.sha()));
	}

	private static Map<String, Object> links(String self) {
		return Map.of("self", Map.of("href", self));
	}

	private static MockResponse error(int status, String message) {
		return json(status, object("type", "error", "error", Map.of("message", message))).build();
	}

}
