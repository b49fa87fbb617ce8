package dev.commitcollector.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark, not a test: 100,000 commits by 3,000 authors (skewed, as real repositories
 * are) in a real PostgreSQL, the query-service in this JVM, and p50/p99 latencies of the
 * first authors page, a deep authors page and an author's commits page under 1 and 32
 * concurrent clients, next to the same SQL run directly over JDBC.
 *
 * <pre>cd query-service && ../mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.commitcollector.query.ReadModelBenchmark</pre>
 */
public final class ReadModelBenchmark {

	static final String REPOSITORY = "bench/big";

	static final int COMMITS = 100_000;

	static final int AUTHORS = 3_000;

	static final int REQUESTS = Integer.getInteger("requests", 2_000);

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		TestInfrastructure.Database db = TestInfrastructure.database();
		load(db);
		// command-line arguments: they win over application.yml
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(QueryApplication.class).run(
				"--server.port=0", "--logging.level.root=WARN",
				"--spring.r2dbc.url=r2dbc:postgresql://" + db.host() + ":" + db.port() + "/commits",
				"--spring.r2dbc.username=commit_reader", "--spring.r2dbc.password=commit_reader",
				"--spring.r2dbc.pool.max-size=32")) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			String deepCursor = cursorOfAuthorsPage(base, 58);
			String topAuthor = firstAuthor(base);
			String authors = base + "/api/v1/repository/authors?repository=" + REPOSITORY + "&size=50";
			List<Case> cases = List.of(new Case("first authors page (50)", authors, AUTHORS_SQL, Long.MIN_VALUE, ""),
					new Case("deep authors page (#59 of 60)", authors + "&after=" + deepCursor, AUTHORS_SQL,
							-cursorCount(deepCursor), cursorKey(deepCursor)),
					new Case("author's commits page (100)",
							base + "/api/v1/authors/" + topAuthor + "/commits?repository=" + REPOSITORY + "&size=100",
							COMMITS_SQL, 0, topAuthor));
			System.out.printf("%-32s %8s %10s %10s %10s %10s%n", "case", "clients", "HTTP p50", "HTTP p99", "SQL p50",
					"SQL p99");
			for (Case c : cases) {
				for (int clients : List.of(1, 32)) {
					List<Long> viaHttp = measure(clients, () -> get(c.url()));
					List<Long> viaSql = measure(clients, () -> sql(db, c));
					System.out.printf("%-32s %8d %8.2f ms %7.2f ms %7.2f ms %7.2f ms%n", c.name(), clients,
							percentile(viaHttp, 50), percentile(viaHttp, 99), percentile(viaSql, 50),
							percentile(viaSql, 99));
				}
			}
		}
		System.exit(0);
	}

	static final String AUTHORS_SQL = """
			select author_key, login, names, emails, commit_count, last_authored_at from authors
			where provider = 'github' and repository = ? and (-commit_count, author_key) > (?, ?)
			order by -commit_count, author_key limit 51""";

	static final String COMMITS_SQL = """
			select sha, authored_at, committed_at, message_headline from commits
			where provider = 'github' and repository = ? and author_key = ?
			  and (authored_at, sha) < ('9999-12-31T23:59:59Z'::timestamptz, '')
			order by authored_at desc, sha desc limit 101""";

	record Case(String name, String url, String sql, long count, String key) {
	}

	interface Call {

		void run() throws Exception;

	}

	private static List<Long> measure(int clients, Call call) throws Exception {
		for (int i = 0; i < 1000; i++) {
			call.run();
		}
		List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			running.add(pool.submit(() -> {
				for (int i = 0; i < REQUESTS / clients + 1; i++) {
					long start = System.nanoTime();
					call.run();
					nanos.add(System.nanoTime() - start);
				}
				return null;
			}));
		}
		for (Future<?> f : running) {
			f.get();
		}
		pool.shutdown();
		return nanos;
	}

	private static double percentile(List<Long> nanos, int p) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	private static final ThreadLocal<Connection> CONNECTIONS = new ThreadLocal<>();

	private static void sql(TestInfrastructure.Database db, Case c) throws Exception {
		Connection connection = CONNECTIONS.get();
		if (connection == null) {
			connection = db.asReader();
			CONNECTIONS.set(connection);
		}
		try (PreparedStatement statement = connection.prepareStatement(c.sql())) {
			statement.setString(1, REPOSITORY);
			if (c.sql() == AUTHORS_SQL) {
				statement.setLong(2, c.count());
				statement.setString(3, c.key());
			}
			else {
				statement.setString(2, c.key());
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					rows.getString(1);
				}
			}
		}
	}

	private static String get(String url) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String cursorOfAuthorsPage(String base, int pages) throws Exception {
		String after = null;
		for (int i = 0; i < pages; i++) {
			var page = json.readTree(get(base + "/api/v1/repository/authors?repository=" + REPOSITORY + "&size=50"
					+ (after == null ? "" : "&after=" + after)));
			after = page.get("next").asString();
		}
		return after;
	}

	private static String firstAuthor(String base) throws Exception {
		return json.readTree(get(base + "/api/v1/repository/authors?repository=" + REPOSITORY + "&size=1"))
			.get("authors")
			.get(0)
			.get("key")
			.asString();
	}

	private static long cursorCount(String cursor) {
		return Long.parseLong(decoded(cursor)[0]);
	}

	private static String cursorKey(String cursor) {
		return decoded(cursor)[1];
	}

	private static String[] decoded(String cursor) {
		return new String(java.util.Base64.getUrlDecoder().decode(cursor)).split("\n", 2);
	}

	/** The commits, and the author and repository rows the store keeps beside them. */
	private static void load(TestInfrastructure.Database db) throws Exception {
		try (Connection c = db.asOwner(); Statement sql = c.createStatement()) {
			for (String table : List.of("commits", "authors", "repositories")) {
				sql.execute("delete from " + table + " where repository = '" + REPOSITORY + "'");
			}
			sql.execute("select setseed(0.42)");
			sql.execute("""
					insert into commits (provider, repository, sha, author_key, author_name, author_email, author_login,
					                     authored_at, committed_at, message_headline, event_id, fetch_id)
					select 'github', '%s', encode(sha256(i::text::bytea), 'hex'), 'email:dev' || a || '@example.org',
					       'Developer ' || a, 'dev' || a || '@example.org', null,
					       timestamptz '2026-01-01' - i * interval '17 minutes',
					       timestamptz '2026-01-01' - i * interval '17 minutes', 'Change ' || i,
					       gen_random_uuid(), gen_random_uuid()
					from (select i, floor(power(random(), 3) * %d)::int as a from generate_series(1, %d) i) g"""
				.formatted(REPOSITORY, AUTHORS, COMMITS));
			sql.execute("""
					insert into authors (provider, repository, author_key, login, names, emails, commit_count,
					                     last_authored_at)
					select provider, repository, author_key, null, array_agg(distinct author_name),
					       array_agg(distinct author_email), count(*), max(authored_at)
					from commits where repository = '%s' group by provider, repository, author_key"""
				.formatted(REPOSITORY));
			sql.execute("""
					insert into repositories (provider, repository, commit_count, author_count, last_stored_at)
					select 'github', '%1$s', (select count(*) from commits where repository = '%1$s'),
					       (select count(*) from authors where repository = '%1$s'), now()""".formatted(REPOSITORY));
			sql.execute("analyze");
			try (ResultSet rows = sql.executeQuery(
					"select commit_count, author_count from repositories where repository = '" + REPOSITORY + "'")) {
				rows.next();
				System.out.printf("loaded %d commits by %d authors%n", rows.getLong(1), rows.getLong(2));
			}
		}
	}

}
