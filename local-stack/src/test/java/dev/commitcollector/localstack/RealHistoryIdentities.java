package dev.commitcollector.localstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: issue 12's figures on one real history served end to end. The stub GitHub
 * serves a clone's whole history from {@code HEAD} (full messages, trailers included) and
 * the clone's {@code .mailmap} at {@code HEAD}; the whole local stack fetches it, and the
 * program prints the raw author count, the merged people count, the people the merge
 * folded (more than one identity) and the commits with at least one co-author stored.
 *
 * <pre>
 * git clone --bare https://github.com/git/git /tmp/git.git
 * ./mvnw -q -DskipTests package && ./mvnw -q -pl local-stack test-compile exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=dev.commitcollector.localstack.RealHistoryIdentities \
 *     -Dexec.args=/tmp/git.git
 * </pre>
 */
public final class RealHistoryIdentities {

	private static final String REPOSITORY = "real/history";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: RealHistoryIdentities <path of a clone, bare or not>");
		}
		Path clone = Path.of(args[0]);
		RealHistory.Read history = RealHistory.of(clone);
		String mailmap = mailmapAtHead(clone);
		System.out.printf("%s: %,d commits from HEAD, .mailmap at HEAD %,d lines%n", clone, history.size(),
				mailmap == null ? 0 : mailmap.lines().count());
		try (StubGitHub github = new StubGitHub()) {
			github.add(REPOSITORY, history.commits(), Duration.ZERO);
			if (mailmap != null) {
				github.mailmap(REPOSITORY, mailmap);
			}
			try (LocalStack stack = LocalStack.start(LocalStack.home(), StackClient.freePorts(),
					Map.of("GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", "", "FETCH_MAX_LIMIT", "100000"))) {
				long took = postToQueryable(stack, history.size());
				System.out.printf("POST to all %,d commits queryable: %,d ms%n", history.size(), took);
				awaitMailmap(stack, mailmap != null);
				long raw = get(authors(stack, null, 1, "raw")).get("totalAuthors").asLong();
				long merged = 0;
				long folded = 0;
				long mergedTotal = -1;
				String after = null;
				do {
					JsonNode answer = get(authors(stack, after, 500, "merged"));
					mergedTotal = answer.get("totalAuthors").asLong();
					for (JsonNode person : answer.get("authors")) {
						merged++;
						if (person.get("keys").size() > 1) {
							folded++;
						}
					}
					after = answer.get("next").isNull() ? null : answer.get("next").asString();
				}
				while (after != null);
				long coAuthored = sql(stack, "select count(distinct sha) from commit_co_authors where repository = ?");
				long credits = sql(stack, "select count(*) from commit_co_authors where repository = ?");
				System.out.printf("authors, identities=raw:    %,d%n", raw);
				System.out.printf("authors, identities=merged: %,d (totalAuthors %,d)%n", merged, mergedTotal);
				System.out.printf("people folded from more than one identity: %,d%n", folded);
				System.out.printf("commits with at least one co-author: %,d (%,d co-author credits)%n", coAuthored,
						credits);
			}
		}
	}

	private static String mailmapAtHead(Path clone) throws Exception {
		Process git = new ProcessBuilder("git", "-C", clone.toString(), "show", "HEAD:.mailmap")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String text = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return git.waitFor() == 0 ? text : null;
	}

	/** Milliseconds from the POST until the query API counts {@code limit} commits. */
	private static long postToQueryable(LocalStack stack, int limit) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(stack.fetcher().url().resolve("/api/v1/fetches"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"repository\":\"" + REPOSITORY + "\",\"limit\":" + limit + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (posted.statusCode() != 202) {
			throw new IllegalStateException(posted.body());
		}
		URI count = URI.create(stack.query().url() + "/api/v1/repository?repository="
				+ URLEncoder.encode(REPOSITORY, StandardCharsets.UTF_8));
		Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(count).build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() == 200 && json.readTree(answer.body()).get("commitCount").asLong() >= limit) {
				return (System.nanoTime() - start) / 1_000_000;
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
		throw new IllegalStateException(REPOSITORY + " was not all queryable within 10 minutes");
	}

	/** The store keeps the mailmap apart from the commits; waits until it has it. */
	private static void awaitMailmap(LocalStack stack, boolean expected) throws Exception {
		if (!expected) {
			return;
		}
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (sql(stack, "select count(*) from mailmaps where repository = ?") < 1) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("the store kept no mailmap for " + REPOSITORY + " within 2 minutes");
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
	}

	/**
	 * A keyset page of the authors index (no commits); {@code after} null for the first.
	 */
	private static String authors(LocalStack stack, String after, int size, String identities) {
		return stack.query().url() + "/api/v1/repository/authors?provider=github&repository="
				+ URLEncoder.encode(REPOSITORY, StandardCharsets.UTF_8) + "&size=" + size + "&identities=" + identities
				+ (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
	}

	private static JsonNode get(String url) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return json.readTree(answer.body());
	}

	private static long sql(LocalStack stack, String query) throws Exception {
		try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(), EmbeddedPostgresServer.OWNER,
				EmbeddedPostgresServer.OWNER_PASSWORD); PreparedStatement statement = c.prepareStatement(query)) {
			statement.setString(1, REPOSITORY);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getLong(1) : 0;
			}
		}
	}

}
