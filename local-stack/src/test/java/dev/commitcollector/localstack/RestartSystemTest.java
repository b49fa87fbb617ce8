package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run command ({@link LocalStack#main}) as a user runs it, in its own process: what
 * it stored is there after it is stopped and started again, and after it is killed
 * (SIGKILL, no shutdown hook: its services and PostgreSQL left running) and started
 * again; and that Ctrl-C while it starts stops what it had started.
 */
class RestartSystemTest {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration BOUND = Duration.ofMinutes(3);

	@TempDir
	Path data;

	private final List<Process> launchers = new ArrayList<>();

	private StubGitHub github;

	private LocalStack.Ports ports;

	@AfterEach
	void stop() throws Exception {
		for (Process launcher : launchers) {
			launcher.destroy();
			if (!launcher.waitFor(2, TimeUnit.MINUTES)) {
				launcher.destroyForcibly().waitFor();
			}
		}
		if (github != null) {
			github.close();
		}
	}

	@Test
	void keepsEveryStoredCommitAndWhatWasFetchedWhenStoppedOrKilledAndStartedAgain() throws Exception {
		github = new StubGitHub();
		github.add("acme/kept", 300, 12, Duration.ZERO);
		ports = StackClient.freePorts();

		Process first = launch(1);
		awaitCompleted(fetch("acme/kept", 300));
		await().atMost(BOUND).until(() -> commitCount("acme/kept") == 300);
		first.destroy();
		assertThat(first.waitFor(2, TimeUnit.MINUTES)).as("stopped as Ctrl-C stops it").isTrue();

		Process second = launch(2);
		assertThat(commitCount("acme/kept")).as("stored before the stop").isEqualTo(300);
		JsonNode again = awaitCompleted(fetch("acme/kept", 300));
		assertThat(again.get("commitsDiscovered").asLong()).as("remembered what it published").isZero();
		second.destroyForcibly().waitFor();

		launch(3);
		assertThat(commitCount("acme/kept")).as("stored before the kill").isEqualTo(300);
		github.add("acme/after", 120, 5, Duration.ZERO);
		awaitCompleted(fetch("acme/after", 120));
		await().atMost(BOUND).until(() -> commitCount("acme/after") == 120);
		assertThat(commitCount("acme/kept")).isEqualTo(300);
	}

	@Test
	void stopsWhatItHadStartedWhenInterruptedWhileStarting() throws Exception {
		github = new StubGitHub();
		ports = StackClient.freePorts();
		Process launcher = launcher(4);
		List<ProcessHandle> started = await().atMost(BOUND)
			.until(() -> launcher.descendants().toList(), children -> children.stream()
				.anyMatch(child -> child.info().commandLine().orElse("").contains("store-service")));

		assertThat(ServiceProcess.send("INT", launcher.pid())).as("Ctrl-C").isZero();

		assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).as("stopped").isTrue();
		assertThat(started).as("the store and whatever else it had started").noneMatch(ProcessHandle::isAlive);
		assertThat(data.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
	}

	@Test
	void refusesToStartOnAPortInUseNamingItAndExitsWithAFailure() throws Exception {
		github = new StubGitHub();
		try (ServerSocket taken = new ServerSocket(0)) {
			LocalStack.Ports free = StackClient.freePorts();
			ports = new LocalStack.Ports(taken.getLocalPort(), free.store(), free.query());
			Process launcher = launcher(5);

			assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).as("ended").isTrue();
			Path log = LocalStack.logs(LocalStack.home()).resolve("launcher-5.log");
			assertThat(launcher.exitValue()).as(() -> "its exit code; its log:\n" + LogLines.tail(log, 20))
				.isEqualTo(1);
			assertThat(Files.readString(log)).contains("the local stack did not start")
				.contains("port " + taken.getLocalPort() + " (FETCHER_PORT) is in use");
		}
	}

	/**
	 * Starts the run command on the test's data directory and ports, and waits until its
	 * fetcher and query service are ready.
	 */
	private Process launch(int number) throws Exception {
		Process launcher = launcher(number);
		Path log = LocalStack.logs(LocalStack.home()).resolve("launcher-" + number + ".log");
		await().atMost(BOUND).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(launcher.isAlive()).as(() -> "the launcher runs; " + log + " ends:\n" + LogLines.tail(log, 40))
				.isTrue();
			return ready(ports.fetcher()) && ready(ports.query()) && launched(log);
		});
		return launcher;
	}

	/** Starts the run command on the test's data directory and ports. */
	private Process launcher(int number) throws Exception {
		Path log = LocalStack.logs(LocalStack.home()).resolve("launcher-" + number + ".log");
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(ServiceProcess.javaExecutable(),
				"-Dstack.home=" + LocalStack.home(), "-Dstack.jvm=" + System.getProperty("stack.jvm", "-Xmx384m"),
				"-cp", System.getProperty("java.class.path"), LocalStack.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment()
			.putAll(Map.of("STACK_DATA_DIR", data.toString(), "GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", "",
					"FETCHER_PORT", String.valueOf(ports.fetcher()), "STORE_PORT", String.valueOf(ports.store()),
					"QUERY_PORT", String.valueOf(ports.query())));
		Process launcher = builder.start();
		launchers.add(launcher);
		return launcher;
	}

	private static boolean launched(Path log) throws Exception {
		return Files.readString(log).contains("commit-collector is up");
	}

	private static boolean ready(int port) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (Exception notYet) {
			return false;
		}
	}

	private String fetch(String repository, int limit) throws Exception {
		HttpResponse<String> answer = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.fetcher() + "/api/v1/fetches"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(json.writeValueAsString(Map.of("repository", repository, "limit", limit))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		return json.readTree(answer.body()).get("id").asString();
	}

	private JsonNode awaitCompleted(String id) {
		return await().atMost(BOUND).until(() -> get(ports.fetcher(), "/api/v1/fetches/" + id), fetch -> {
			assertThat(fetch.get("status").asString()).as(fetch.toString()).isNotEqualTo("FAILED");
			return fetch.get("status").asString().equals("COMPLETED");
		});
	}

	private long commitCount(String repository) throws Exception {
		JsonNode stored = get(ports.query(), "/api/v1/repository?repository=" + repository);
		return stored == null ? 0 : stored.get("commitCount").asLong();
	}

	/** A GET's JSON body; null for a 404. */
	private static JsonNode get(int port, String target) throws Exception {
		HttpResponse<String> answer = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + target)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() == 404) {
			return null;
		}
		assertThat(answer.statusCode()).as(target + " " + answer.body()).isEqualTo(200);
		return json.readTree(answer.body());
	}

}
