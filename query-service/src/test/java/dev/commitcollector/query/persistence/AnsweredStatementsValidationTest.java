package dev.commitcollector.query.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * A statement timeout of zero or less would fail every read while readiness says UP: the
 * start fails instead, naming the environment variable.
 */
class AnsweredStatementsValidationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void refusesAStatementTimeoutThatIsNotPositive(String timeout) {
		context.withPropertyValues("query.database.statement-timeout=" + timeout)
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.satisfies(failure -> assertThat(
						Stream.iterate(failure, error -> error != null, Throwable::getCause).map(String::valueOf))
					.anyMatch(m -> m.contains("QUERY_DB_STATEMENT_TIMEOUT must be positive"))));
		context.run(started -> assertThat(started).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AnsweredStatements.class)
	static class Settings {

	}

}
