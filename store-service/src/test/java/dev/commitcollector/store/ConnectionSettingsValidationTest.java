package dev.commitcollector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Where PostgreSQL, Kafka and the HTTP port are, as the environment says, is checked
 * before anything connects: a value that cannot work fails the start naming its variable,
 * where it failed deep in a driver with a stack trace, or was tried again for ten minutes
 * as an outage.
 */
class ConnectionSettingsValidationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "POSTGRES_PORT|abc|POSTGRES_PORT must be a port number, from 1 to 65535",
			"POSTGRES_PORT|70000|POSTGRES_PORT must be a port number", "POSTGRES_PORT|0|POSTGRES_PORT must be a port",
			"POSTGRES_HOST|' '|POSTGRES_HOST must not be blank", "POSTGRES_DB|''|POSTGRES_DB must not be blank",
			"DB_CONNECT_RETRIES|-1|DB_CONNECT_RETRIES must be 0 or more",
			"KAFKA_BOOTSTRAP_SERVERS|garbage|KAFKA_BOOTSTRAP_SERVERS must list Kafka's brokers as host:port",
			"KAFKA_BOOTSTRAP_SERVERS|kafka:9092,|KAFKA_BOOTSTRAP_SERVERS must list",
			"KAFKA_BOOTSTRAP_SERVERS|kafka:port|KAFKA_BOOTSTRAP_SERVERS must list" })
	void refusesToStartOnAValueThatCannotWorkNamingItsVariable(String variable, String value, String message) {
		withEnvironment(Map.of(variable, value)).run(started -> assertThat(started).hasFailed()
			.getFailure()
			.satisfies(failure -> assertSays(failure, message)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "70000", "-1" })
	void refusesAPortOutOfRangeNamingItsVariable(String port) {
		context.withPropertyValues("server.port=" + port)
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.satisfies(failure -> assertSays(failure, "STORE_PORT must be a port number, from 1 to 65535")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "kafka:9092", "10.0.0.5:9092, 10.0.0.6:9092", "[::1]:9092", "PLAINTEXT://broker-1:9092",
			"SASL_SSL://b-1.example.internal:9096" })
	void takesTheFormsOfBrokerAddressKafkaTakes(String servers) {
		withEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", servers)).run(started -> assertThat(started).hasNotFailed());
	}

	@Test
	void startsOnTheDefaultsAndOnWorkingValues() {
		context.run(started -> assertThat(started).hasNotFailed()
			.getBean(PostgresAddress.class)
			.isEqualTo(new PostgresAddress("localhost", "5432", "commits")));
		withEnvironment(Map.of("POSTGRES_HOST", "db.internal", "POSTGRES_PORT", "6543", "DB_CONNECT_RETRIES", "0"))
			.withPropertyValues("server.port=0")
			.run(started -> assertThat(started).hasNotFailed()
				.getBean(PostgresAddress.class)
				.isEqualTo(new PostgresAddress("db.internal", "6543", "commits")));
	}

	@Test
	void checksWhereEverythingIsBeforeAnythingConnects() {
		SpringApplication store = new SpringApplication(StoreApplication.class);

		// nothing listens anywhere: without the check first, the start would fail on
		// the driver's URL, or wait for Kafka
		assertThatThrownBy(() -> store.run("--postgres.port=70000", "--server.port=0",
				"--spring.r2dbc.url=r2dbc:postgresql://localhost:70000/commits",
				"--spring.flyway.url=jdbc:postgresql://localhost:70000/commits"))
			.satisfies(failure -> assertSays(failure, "POSTGRES_PORT must be a port number"));
	}

	private static void assertSays(Throwable failure, String message) {
		assertThat(Stream.iterate(failure, error -> error != null, Throwable::getCause).map(String::valueOf))
			.anyMatch(text -> text.contains(message));
	}

	/**
	 * The variables as a process's environment gives them, mapped as Spring maps those.
	 */
	private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
		return context.withInitializer(started -> started.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("environment", variables)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ServerPort.class, PostgresAddress.class, BrokerAddress.class,
			ConnectRetries.class })
	static class Settings {

	}

}
