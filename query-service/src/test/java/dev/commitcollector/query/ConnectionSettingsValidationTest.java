package dev.commitcollector.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Where PostgreSQL and the HTTP port are, as the environment says, is checked before
 * anything connects: a value that cannot work fails the start naming its variable, where
 * it failed deep in the driver with a stack trace.
 */
class ConnectionSettingsValidationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "POSTGRES_PORT|abc|POSTGRES_PORT must be a port number, from 1 to 65535",
			"POSTGRES_PORT|70000|POSTGRES_PORT must be a port number",
			"POSTGRES_HOST|' '|POSTGRES_HOST must not be blank", "POSTGRES_DB|''|POSTGRES_DB must not be blank" })
	void refusesToStartOnAValueThatCannotWorkNamingItsVariable(String variable, String value, String message) {
		context
			.withInitializer(started -> started.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("environment", Map.of(variable, value))))
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.satisfies(failure -> assertSays(failure, message)));
	}

	@ParameterizedTest
	@CsvSource({ "abc,1", "0,1", "65536,1", "70000,1", "'',1", "1,0", "5432,0", "' 5432 ',0", "65535,0" })
	void refusesAPostgresPortThatIsNoneOnceAndTakesEveryOne(String port, int refusals) {
		context
			.withInitializer(started -> started.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("environment", Map.of("POSTGRES_PORT", port))))
			.run(started -> {
				Throwable failure = started.getStartupFailure();
				String said = failure == null ? ""
						: Stream.iterate(failure, error -> error != null, Throwable::getCause)
							.map(String::valueOf)
							.reduce("", String::concat);
				assertThat(said.split("POSTGRES_PORT must be", -1)).as(said).hasSize(refusals == 0 ? 1 : 2);
				assertThat(failure == null).isEqualTo(refusals == 0);
			});
	}

	@Test
	void refusesAPortOutOfRangeNamingItsVariable() {
		context.withPropertyValues("server.port=70000")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.satisfies(failure -> assertSays(failure, "QUERY_PORT must be a port number, from 1 to 65535")));
		context.withPropertyValues("server.port=0").run(started -> assertThat(started).hasNotFailed());
	}

	@Test
	void checksWhereEverythingIsBeforeAnythingConnects() {
		SpringApplication query = new SpringApplication(QueryApplication.class);

		// nothing listens anywhere: without the check first, the start would fail on
		// the driver's URL
		assertThatThrownBy(() -> query.run("--postgres.port=70000", "--server.port=0",
				"--spring.r2dbc.url=r2dbc:postgresql://localhost:70000/commits"))
			.satisfies(failure -> assertSays(failure, "POSTGRES_PORT must be a port number"));
	}

	private static void assertSays(Throwable failure, String message) {
		assertThat(Stream.iterate(failure, error -> error != null, Throwable::getCause).map(String::valueOf))
			.anyMatch(text -> text.contains(message));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ServerPort.class, PostgresAddress.class })
	static class Settings {

	}

}
