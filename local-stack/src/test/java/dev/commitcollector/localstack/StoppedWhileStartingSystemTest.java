package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
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
		Path home = LocalStack.home();
		Path log = LocalStack.logs(home).resolve(name + "-stopped-while-starting.log");
		Files.deleteIfExists(log);
		int nobody = StackClient.freePort();
		ServiceProcess service = new ServiceProcess(name, home.resolve(name + "/target/" + name + ".jar"),
				StackClient.freePort(),
				Map.of("FETCHER_PORT", "0", "STORE_PORT", "0", "QUERY_PORT", "0", "POSTGRES_HOST", "127.0.0.1",
						"POSTGRES_PORT", String.valueOf(nobody), "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + nobody,
						"DB_CONNECT_RETRY_INTERVAL", "2s"),
				log);
		service.start();
		try {
			// still starting: its web server is not up, whatever it waits for
			await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(log) && Files.size(log) > 0);
			await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(service::isAlive);

			ServiceProcess.send("TERM", service.pid());

			await().atMost(Duration.ofSeconds(10)).until(() -> !service.isAlive());
			assertThat(Files.readString(log)).contains("stopped while starting");
		}
		finally {
			service.stop();
		}
	}

}
