package dev.commitcollector.localstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A GitHub-compatible commits API over real HTTP for the system test: repositories of synthetic
 * history, newest first, paginated by {@code per_page}/{@code page} with absolute {@code Link} headers.
 */
final class StubGitHub extends Dispatcher {

	private final MockWebServer server = new MockWebServer();

	private final Map<String, Repository> repositories = new ConcurrentHashMap<>();

	StubGitHub() throws Exception {
		server.setDispatcher(this);
		server.start();
	}

	String apiUrl() {
		return server.url("/").toString().replaceAll("/$", "");
	}

	/** Adds {@code owner/name} with {@code count} commits by {@code authors} people; pages answer after {@code delay}. */
	Repository add(String path, int count, int authors, Duration delay) {
		Repository repository = new Repository(path, history(path, count, authors), delay);
		repositories.put(path, repository);
		return repository;
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		HttpUrl url = request.getUrl();
		String path = url.encodedPath();
		if (!path.startsWith("/repos/") || !path.endsWith("/commits")) {
			return json(404, "{\"message\":\"Not Found\"}");
		}
		Repository repository = repositories.get(path.substring("/repos/".length(), path.length() - "/commits".length()));
		if (repository == null) {
			return json(404, "{\"message\":\"Not Found\"}");
		}
		int perPage = Math.min(100, Integer.parseInt(orDefault(url.queryParameter("per_page"), "30")));
		int page = Integer.parseInt(orDefault(url.queryParameter("page"), "1"));
		List<Commit> commits = repository.commits();
		int from = Math.min(commits.size(), (page - 1) * perPage);
		int to = Math.min(commits.size(), from + perPage);
		StringBuilder body = new StringBuilder("[");
		for (int i = from; i < to; i++) {
			body.append(i > from ? "," : "").append(commits.get(i).json());
		}
		MockResponse.Builder response = new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json; charset=utf-8")
			.body(body.append("]").toString())
			.headersDelay(repository.delay().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		if (to < commits.size()) {
			HttpUrl next = url.newBuilder().setQueryParameter("page", String.valueOf(page + 1)).build();
			response.addHeader("Link", "<" + next + ">; rel=\"next\"");
		}
		return response.build();
	}

	@Override
	public void close() {
		server.close();
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
	}

	private static String orDefault(String value, String fallback) {
		return value == null ? fallback : value;
	}

	/**
	 * Newest first. Author {@code a} of {@code authors}: even ones have a GitHub login (and commit from two
	 * emails), odd ones have none and write their email with varying case and spaces; two of them share a
	 * name but not an email, so grouping by name would be wrong.
	 */
	private static List<Commit> history(String path, int count, int authors) {
		List<Commit> newestFirst = new ArrayList<>(count);
		Instant newest = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < count; i++) {
			int a = (int) ((i * 7L + i / 3) % authors);
			String login = a % 2 == 0 ? "Dev" + a : null;
			String name = a == 1 || a == 3 ? "Sam Smith" : "Dev Number " + a + (a == 5 ? " Zoë Ångström 李" : "");
			String email = login != null ? "dev" + a + (i % 2 == 0 ? "@example.org" : "@users.noreply.github.com")
					: (i % 2 == 0 ? " Dev" + a + "@Example.ORG" : "dev" + a + "@example.org");
			newestFirst.add(new Commit(sha(path + "#" + i), name, email, login, newest.minusSeconds(3600L * i)));
		}
		return newestFirst;
	}

	private static String sha(String seed) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Repository(String path, List<Commit> commits, Duration delay) {
	}

	/** A commit as GitHub's list-commits item shows it. */
	record Commit(String sha, String name, String email, String login, Instant authoredAt) {

		/** The identity rule: the login when GitHub links one, else the email trimmed and lowercased. */
		String identity() {
			return login != null ? "login:" + login.toLowerCase(java.util.Locale.ROOT)
					: "email:" + email.strip().toLowerCase(java.util.Locale.ROOT);
		}

		String json() {
			String account = login == null ? "null"
					: "{\"login\":\"" + login + "\",\"id\":1,\"type\":\"User\",\"site_admin\":false}";
			return """
					{"sha":"%s","node_id":"C_x","commit":{"author":{"name":"%s","email":"%s","date":"%s"},\
					"committer":{"name":"GitHub","email":"noreply@github.com","date":"%s"},\
					"message":"Change %s\\n\\nbody","comment_count":0},"url":"https://api.github.com/x",\
					"author":%s,"committer":null,"parents":[]}"""
				.formatted(sha, name, email, authoredAt, authoredAt.plusSeconds(30), sha.substring(0, 7), account);
		}

	}

}
