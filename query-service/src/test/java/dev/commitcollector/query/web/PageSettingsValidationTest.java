package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The page-size settings, bound and validated as at start: out of range, the start fails
 * naming the environment variable.
 */
class PageSettingsValidationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "query.authors.default-size=0 | QUERY_AUTHORS_PAGE_SIZE must be at least 1",
			"query.authors.default-size=600 | QUERY_AUTHORS_PAGE_SIZE must not be above QUERY_AUTHORS_MAX_PAGE_SIZE",
			"query.authors.max-size=0 | QUERY_AUTHORS_MAX_PAGE_SIZE must be at least 1" })
	void refusesAPageSizeOutOfRange(String setting, String message) {
		context.withPropertyValues(setting)
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.satisfies(failure -> assertThat(
						Stream.iterate(failure, error -> error != null, Throwable::getCause).map(String::valueOf))
					.anyMatch(m -> m.contains(message))));
		context.run(started -> assertThat(started).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PageSettings.class)
	static class Settings {

	}

}
