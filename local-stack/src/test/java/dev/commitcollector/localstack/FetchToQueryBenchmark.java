package dev.commitcollector.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark, not a test: starts the whole local stack against the stub GitHub (no added
 * latency) and prints, per fetch size, the time from {@code POST /api/v1/fetches} until
 * the query API shows every commit, and the fetcher's heap and resident memory after each
 * size.
 *
 * <pre>./mvnw -q -DskipTests package && ./mvnw -q -pl local-stack exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.commitcollector.localstack.FetchToQueryBenchmark</pre>
 */
public final class FetchToQueryBenchmark {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		int runs = Integer.getInteger("runs", 5);
		List<Integer> sizes = List.of(1000, 10_000, 100_000);
		try (StubGitHub github = new StubGitHub()) {
			for (int size : sizes) {
				for (int run = 0; run < runs; run++) {
					github.add("bench/n" + size + "-" + run, size, 200, Duration.ZERO);
				}
			}
			github.add("bench/warmup", 1000, 50, Duration.ZERO);
			Path home = LocalStack.home();
			try (LocalStack stack = LocalStack.start(home, StackClient.freePorts(),
					Map.of("GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", "", "FETCH_MAX_LIMIT", "100000"))) {
				postToQueryable(stack, "bench/warmup", 1000);
				System.out.printf("%-8s %-5s %12s %14s %16s%n", "commits", "run", "POST->query", "commits/s",
						"fetch alone");
				for (int size : sizes) {
					List<Long> millis = new ArrayList<>();
					for (int run = 0; run < (size >= 100_000 ? Math.min(runs, 2) : runs); run++) {
						Timing took = postToQueryable(stack, "bench/n" + size + "-" + run, size);
						millis.add(took.queryable());
						System.out.printf("%-8d %-5d %10d ms %14.0f %13d ms%n", size, run, took.queryable(),
								size * 1000.0 / took.queryable(), took.fetch());
					}
					System.out.printf("%-8d median %7d ms | fetcher heap used %s MB, RSS peak %s MB%n", size,
							millis.stream().sorted().toList().get(millis.size() / 2), heapUsedMb(stack),
							rssPeakMb(stack.fetcher()));
				}
			}
		}
	}

	/**
	 * Milliseconds from the POST until every commit is queryable, and the fetch's own
	 * duration.
	 */
	private record Timing(long queryable, long fetch) {
	}

	private static Timing postToQueryable(LocalStack stack, String repository, int limit) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(stack.fetcher().url().resolve("/api/v1/fetches"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"repository\":\"" + repository + "\",\"limit\":" + limit + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (posted.statusCode() != 202) {
			throw new IllegalStateException(posted.body());
		}
		URI count = URI.create(stack.query().url() + "/api/v1/authors?repository=" + repository + "&size=1");
		while (true) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(count).build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() == 200 && json.readTree(answer.body()).get("totalCommits").asLong() >= limit) {
				long queryable = (System.nanoTime() - start) / 1_000_000;
				var fetch = json.readTree(http.send(HttpRequest
					.newBuilder(stack.fetcher().url().resolve(posted.headers().firstValue("Location").orElseThrow()))
					.build(), HttpResponse.BodyHandlers.ofString()).body());
				long fetchMillis = java.time.Duration
					.between(java.time.Instant.parse(fetch.get("startedAt").asString()),
							java.time.Instant.parse(fetch.get("finishedAt").asString()))
					.toMillis();
				return new Timing(queryable, fetchMillis);
			}
			Thread.onSpinWait();
		}
	}

	private static String heapUsedMb(LocalStack stack) throws Exception {
		HttpResponse<String> metric = http.send(HttpRequest
			.newBuilder(URI.create(stack.fetcher().url() + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
			.build(), HttpResponse.BodyHandlers.ofString());
		double bytes = json.readTree(metric.body()).get("measurements").get(0).get("value").asDouble();
		return String.valueOf(Math.round(bytes / 1024 / 1024));
	}

	private static String rssPeakMb(ServiceProcess service) throws Exception {
		Path status = Path.of("/proc", String.valueOf(service.pid()), "status");
		if (!Files.exists(status)) {
			return "?";
		}
		return Files.readAllLines(status)
			.stream()
			.filter(line -> line.startsWith("VmHWM:"))
			.map(line -> String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024))
			.findFirst()
			.orElse("?");
	}

}
