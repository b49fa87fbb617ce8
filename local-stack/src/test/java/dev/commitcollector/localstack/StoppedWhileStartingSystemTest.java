package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service told to stop while its start waits for PostgreSQL stops then, not once the
 * start has given up (about ten minutes). The fetcher and the store migrate their schemas
 * at start; the query-service does not wait for PostgreSQL to start.
 */
class StoppedWhileStartingSystemTest {

	@ParameterizedTest
	@ValueSource(strings = { "fetcher-service", "store-service" })
	void stopsOnSigtermWhileItsStartWaitsForPostgres(String name) throws Exception {
		Path log = LocalStack.logs(LocalStack.home()).resolve(name + "-stopped-while-starting.log");
		ServiceProcess service = withoutPostgres(name, log, "24");
		service.start();
		try {
			// still starting: its web server is not up, whatever it waits for
			await().atMost(Duration.ofMinutes(1)).until(() -> !service.logLines().isEmpty());
			await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(service::isAlive);

			ServiceProcess.send("TERM", service.pid());

			await().atMost(Duration.ofSeconds(10)).until(() -> !service.isAlive());
			assertThat(service.logLines()).anyMatch(line -> line.contains("stopped while starting"));
		}
		finally {
			service.stop();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "fetcher-service", "store-service" })
	void endsWithItsOwnFailureWhenItsStartFails(String name) throws Exception {
		Path log = LocalStack.logs(LocalStack.home()).resolve(name + "-failed-to-start.log");
		ServiceProcess service = withoutPostgres(name, log, "0");
		Files.createDirectories(log.getParent());
		Files.writeString(log, "an earlier run of this test: stopped while starting\n");
		service.start();
		try {
			await().atMost(Duration.ofMinutes(1)).until(() -> !service.isAlive());

			// only what this start logged: the file holds an earlier run's lines too
			String said = String.join("\n", service.logLines());
			assertThat(service.exitCode()).as(said).hasValue(1);
			assertThat(said).contains("Application run failed").doesNotContain("stopped while starting");
		}
		finally {
			service.stop();
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "fetcher-service | WATCH_MAX | 0 | WATCH_MAX must be at least 1 | ",
					"store-service | STORE_CONSUMERS | 0 | STORE_CONSUMERS | ",
					"query-service | QUERY_PORT | 70000 | QUERY_PORT | ",
					"fetcher-service | WATCH_MAX | abc | WATCH_MAX is 'abc', which is not a whole number | ",
					"store-service | STORE_PORT | abc | STORE_PORT is 'abc', which is not a whole number | ",
					"query-service | QUERY_PORT | 80a | QUERY_PORT is '80a', which is not a whole number | ",
					"fetcher-service | WATCH_MAX | -5 | WATCH_MAX must be at least 1 (it is '-5') | ecs",
					"store-service | STORE_PORT | abc | STORE_PORT is 'abc', which is not a whole number | logstash",
					"query-service | QUERY_PORT | 70000 | QUERY_PORT must be a port number | gelf" })
	void saysWhyWhenItRefusesASetting(String name, String variable, String value, String reason,
			String structuredFormat) throws Exception {
		Path log = LocalStack.logs(LocalStack.home()).resolve(name + "-refused-a-setting.log");
		Files.createDirectories(log.getParent());
		Files.writeString(log, "an earlier start's ERROR line that is not this start's reason\n");
		Map<String, String> environment = new HashMap<>(
				Map.of("FETCHER_PORT", "0", "STORE_PORT", "0", "QUERY_PORT", "0"));
		environment.put(variable, value);
		if (structuredFormat != null) {
			environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", structuredFormat);
		}
		ServiceProcess service = new ServiceProcess(name, LocalStack.home().resolve(name + "/target/" + name + ".jar"),
				StackClient.freePort(), environment, log);
		service.start();
		try {
			assertThatThrownBy(() -> service.awaitReady(Duration.ofMinutes(1)))
				.hasMessageStartingWith(name + " exited with 1 while starting:\n")
				.hasMessageContaining(reason)
				.hasMessageEndingWith("(the whole log: " + log + ")")
				.hasMessageNotContaining("an earlier start's");
		}
		finally {
			service.stop();
		}
	}

	@Test
	void stopsWaitingForAServiceWhenOneStartedBesideItRefusesASetting() throws Exception {
		Path logs = LocalStack.logs(LocalStack.home());
		Files.createDirectories(logs);
		ServiceProcess store = withoutPostgres("store-service", logs.resolve("store-service-beside.log"), "24");
		Path fetcherLog = logs.resolve("fetcher-service-beside.log");
		Files.deleteIfExists(fetcherLog);
		ServiceProcess fetcher = new ServiceProcess("fetcher-service",
				LocalStack.home().resolve("fetcher-service/target/fetcher-service.jar"), StackClient.freePort(),
				Map.of("FETCHER_PORT", "0", "WATCH_MAX", "0"), fetcherLog);
		store.start();
		fetcher.start();
		try {
			// the store waits for a PostgreSQL nobody runs: only the fetcher's exit ends
			// the wait
			assertThatThrownBy(() -> store.awaitReady(Duration.ofMinutes(2), fetcher))
				.hasMessageStartingWith("fetcher-service exited with 1 while starting:\n")
				.hasMessageContaining("WATCH_MAX must be at least 1 (it is '0')");
			assertThat(store.isAlive()).isTrue();
		}
		finally {
			fetcher.stop();
			store.stop();
		}
	}

	/**
	 * The service on a port of its own, its PostgreSQL and Kafka at a port nobody listens
	 * on, trying PostgreSQL {@code retries} times more, 2 s apart.
	 */
	private static ServiceProcess withoutPostgres(String name, Path log, String retries) throws Exception {
		Files.deleteIfExists(log);
		int nobody = StackClient.freePort();
		return new ServiceProcess(name, LocalStack.home().resolve(name + "/target/" + name + ".jar"),
				StackClient.freePort(),
				Map.of("FETCHER_PORT", "0", "STORE_PORT", "0", "QUERY_PORT", "0", "POSTGRES_HOST", "127.0.0.1",
						"POSTGRES_PORT", String.valueOf(nobody), "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + nobody,
						"DB_CONNECT_RETRY_INTERVAL", "2s", "DB_CONNECT_RETRIES", retries),
				log);
	}

}
