package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The page-size settings and the commit link templates, bound and validated as at start:
 * out of range or not a link, the start fails naming the environment variable.
 */
class PageSettingsValidationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "query.authors.default-size=0 | QUERY_AUTHORS_PAGE_SIZE must be at least 1",
			"query.authors.default-size=600 | QUERY_AUTHORS_PAGE_SIZE must not be above QUERY_AUTHORS_MAX_PAGE_SIZE",
			"query.authors.max-size=0 | QUERY_AUTHORS_MAX_PAGE_SIZE must be at least 1",
			"query.commit-urls.github=garbage | GITHUB_COMMIT_URL) must be an http(s) URL with {sha} in it",
			"query.commit-urls.github=javascript:alert(1)//{repository}/{sha} | must be an http(s) URL",
			"query.commit-urls.gitlab=https://gitlab.com/{repository}/-/commit/{hash} | GITLAB_COMMIT_URL" })
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
	@EnableConfigurationProperties({ PageSettings.class, CommitLinks.class })
	static class Settings {

	}

}
