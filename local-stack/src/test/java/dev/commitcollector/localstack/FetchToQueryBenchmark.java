package dev.commitcollector.localstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark, not a test: starts the whole local stack against the stub GitHub and
 * prints, next to its limit, the time from {@code POST /api/v1/fetches} until the query
 * API shows every commit:
 * <ol>
 * <li>1,000 commits with the forge answering each request after 100 ms: the limit is 1.05
 * × pages × 100 ms + 150 ms; printed beside it, the same limit with the time the stub
 * itself takes to serve those pages to one client reading serially, measured just before
 * each run, in place of pages × 100 ms;</li>
 * <li>1,000 and 10,000 synthetic commits with no added latency, and the fetcher's heap
 * after a full collection;</li>
 * <li>with a clone's path as the argument, its whole history (git/git: 81,966 commits)
 * served by the stub: the limit is 1.3 × the time the same stub takes to serve every page
 * to one client reading serially, measured just before each run. The fetcher's heap after
 * a full collection is printed after the 1,000 commits and after the whole history.</li>
 * </ol>
 * Each case has {@code -Dwarmups} (3) warm-up runs (the whole history one) and
 * {@code -Druns} (5) measured runs; medians and spread; {@code -Dcases} picks some of the
 * cases ({@code latency,n1000,n10000,git}, all by default). The services are fresh JVMs:
 * with one warm-up run, the first measured runs still paid for the JIT's compiling. The
 * benchmark reads the repository's stored count from the query API's light
 * {@code GET /api/v1/repository} every 10 ms; it never spins.
 *
 * <pre>
 * git clone --bare https://github.com/git/git /tmp/git.git
 * ./mvnw -q -DskipTests package && ./mvnw -q -pl local-stack exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.commitcollector.localstack.FetchToQueryBenchmark -Dexec.args=/tmp/git.git
 * </pre>
 */
public final class FetchToQueryBenchmark {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration LATENCY = Duration.ofMillis(100);

	public static void main(String[] args) throws Exception {
		int runs = Integer.getInteger("runs", 5);
		int warmups = Integer.getInteger("warmups", 3);
		// -Dcases=latency,n1000,n10000,git (the default: all of them)
		List<String> cases = List.of(System.getProperty("cases", "latency,n1000,n10000,git").split(","));
		RealHistory.Read history = args.length > 0 ? RealHistory.of(Path.of(args[0])) : null;
		try (StubGitHub github = new StubGitHub()) {
			for (int run = 0; run < warmups + runs; run++) {
				github.add("bench/latency-" + run, 1000, 50, LATENCY);
				github.add("bench/n1000-" + run, 1000, 50, Duration.ZERO);
				github.add("bench/n10000-" + run, 10_000, 200, Duration.ZERO);
				if (history != null) {
					github.add("bench/git-" + run, history.commits(), Duration.ZERO);
				}
			}
			try (LocalStack stack = LocalStack.start(LocalStack.home(), StackClient.freePorts(),
					Map.of("GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", "", "FETCH_MAX_LIMIT", "100000"))) {
				double pages = 10;
				long limit = Math.round(1.05 * pages * LATENCY.toMillis() + 150);
				List<Long> stubAlone = new ArrayList<>();
				if (cases.contains("latency")) {
					report("1,000 commits, forge answers after 100 ms (10 pages)", limit,
							measure(runs, warmups, run -> {
								long stub = serialRead(github, "bench/latency-" + run);
								if (run >= warmups) {
									stubAlone.add(stub);
								}
								return postToQueryable(stack, "bench/latency-" + run, 1000);
							}), "ms");
					System.out.printf(
							"  the stub alone, read serially just before each run: median %,d ms (%,d..%,d); "
									+ "the limit with it as the forge's time: 1.05 x %,d + 150 = %,d ms%n",
							median(stubAlone), Collections.min(stubAlone), Collections.max(stubAlone),
							median(stubAlone), Math.round(1.05 * median(stubAlone) + 150));
				}
				if (cases.contains("n1000")) {
					report("1,000 commits, no added latency", 0,
							measure(runs, warmups, run -> postToQueryable(stack, "bench/n1000-" + run, 1000)), "ms");
					System.out.printf("  fetcher heap used after a full GC: %d MB%n", heapAfterGcMb(stack.fetcher()));
				}
				if (cases.contains("n10000")) {
					report("10,000 commits, no added latency", 0,
							measure(runs, warmups, run -> postToQueryable(stack, "bench/n10000-" + run, 10_000)), "ms");
				}
				if (history != null && cases.contains("git")) {
					List<Long> serial = new ArrayList<>();
					List<Long> ratios = new ArrayList<>();
					List<Long> took = measure(runs, 1, run -> {
						long stub = serialRead(github, "bench/git-" + run);
						long all = postToQueryable(stack, "bench/git-" + run, history.size());
						System.out.printf("    stub alone %,d ms, POST to all queryable %,d ms: %.2f x%n", stub, all,
								(double) all / stub);
						serial.add(stub);
						ratios.add(Math.round(100.0 * all / stub));
						return all;
					});
					report(String.format("%s: %,d commits, whole history", args[0], history.size()), 0, took, "ms");
					System.out.printf(
							"  the stub alone, read serially: median %,d ms; ratio median %.2f x " + "(limit 1.30 x)%n",
							median(serial.subList(1, serial.size())), median(ratios.subList(1, ratios.size())) / 100.0);
					System.out.printf("  fetcher heap used after a full GC: %d MB%n", heapAfterGcMb(stack.fetcher()));
				}
			}
		}
	}

	interface Run {

		long time(int run) throws Exception;

	}

	/**
	 * {@code warmups} warm-up runs (0 to warmups - 1), then {@code runs} measured ones;
	 * each run's figure printed.
	 */
	private static List<Long> measure(int runs, int warmups, Run run) throws Exception {
		List<Long> measured = new ArrayList<>();
		for (int i = 0; i < warmups + runs; i++) {
			long figure = run.time(i);
			System.out.printf("    run %s: %,d ms%n", i < warmups ? "warm-up" : String.valueOf(i - warmups + 1),
					figure);
			if (i >= warmups) {
				measured.add(figure);
			}
		}
		return measured;
	}

	private static void report(String what, long limit, List<Long> figures, String unit) {
		System.out.printf("%s: median %,d %s (%,d..%,d)%s%n", what, median(figures), unit,
				figures.stream().mapToLong(Long::longValue).min().orElse(0),
				figures.stream().mapToLong(Long::longValue).max().orElse(0),
				limit > 0 ? String.format("; limit %,d %s", limit, unit) : "");
	}

	private static long median(List<Long> figures) {
		return figures.stream().sorted().toList().get(figures.size() / 2);
	}

	/** Milliseconds from the POST until the query API counts {@code limit} commits. */
	private static long postToQueryable(LocalStack stack, String repository, int limit) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(stack.fetcher().url().resolve("/api/v1/fetches"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"repository\":\"" + repository + "\",\"limit\":" + limit + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (posted.statusCode() != 202) {
			throw new IllegalStateException(posted.body());
		}
		URI count = URI.create(stack.query().url() + "/api/v1/repository?repository="
				+ URLEncoder.encode(repository, StandardCharsets.UTF_8));
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(count).build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() == 200 && json.readTree(answer.body()).get("commitCount").asLong() >= limit) {
				return (System.nanoTime() - start) / 1_000_000;
			}
			TimeUnit.MILLISECONDS.sleep(10);
		}
		throw new IllegalStateException(repository + " was not all queryable within 5 minutes");
	}

	/**
	 * Milliseconds the stub takes to serve every page of {@code repository} (100 a page,
	 * pinned to its head, as the fetcher asks) to one client reading serially.
	 */
	private static long serialRead(StubGitHub github, String repository) throws Exception {
		long start = System.nanoTime();
		String head = null;
		for (int page = 1;; page++) {
			String url = github.apiUrl() + "/repos/" + repository + "/commits?per_page=100&page=" + page
					+ (head == null ? "" : "&sha=" + head);
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode commits = json.readTree(answer.body());
			if (head == null) {
				head = commits.get(0).get("sha").asString();
			}
			if (answer.headers().firstValue("Link").filter(link -> link.contains("rel=\"next\"")).isEmpty()) {
				return (System.nanoTime() - start) / 1_000_000;
			}
		}
	}

	/** The fetcher's heap in use right after a full collection (jcmd GC.run). */
	private static long heapAfterGcMb(ServiceProcess fetcher) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		if (Files.isExecutable(jcmd)) {
			new ProcessBuilder(jcmd.toString(), String.valueOf(fetcher.pid()), "GC.run").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(30, TimeUnit.SECONDS);
		}
		HttpResponse<String> metric = http
			.send(HttpRequest.newBuilder(URI.create(fetcher.url() + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
				.build(), HttpResponse.BodyHandlers.ofString());
		return Math
			.round(json.readTree(metric.body()).get("measurements").get(0).get("value").asDouble() / 1024 / 1024);
	}

}
