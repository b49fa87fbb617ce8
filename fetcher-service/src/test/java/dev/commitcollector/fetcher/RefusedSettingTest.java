package dev.commitcollector.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A setting out of its range fails the fetcher's start with a report that names the
 * variable a person set, the value it had and what it must be, not the settings record's
 * class or Spring's binding terms.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedSettingTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "WATCH_MAX | -5 | WATCH_MAX must be at least 1 (it is '-5')",
			"FETCH_DEFAULT_LIMIT | 0 | FETCH_DEFAULT_LIMIT must be at least 1 (it is '0')",
			"GITHUB_API_URL | not-a-url | GITHUB_API_URL is 'not-a-url': a github provider needs an absolute api-url",
			"GITLAB_API_URL | ftp://gitlab.example.com | GITLAB_API_URL is 'ftp://gitlab.example.com': a gitlab "
					+ "provider's api-url must be an http(s) URL",
			"GITHUB_TIMEOUT | -1s | GITHUB_TIMEOUT is '-1s': a provider's timeout must be positive",
			"FORGES_PROVIDERS_GHE_APIURL | /api/v3 | FORGES_PROVIDERS_GHE_APIURL is '/api/v3': a github provider "
					+ "needs an absolute api-url",
			"FORGES_GIT_MAXDEPTH | 0 | FORGES_GIT_MAXDEPTH is '0': forges.git.max-depth must be at least 1" })
	void namesTheVariableItsValueAndWhatItMustBe(String variable, String value, String description,
			CapturedOutput output) {
		// every settings record of the fetcher, bound as at its start, and nothing else
		SpringApplication fetcher = new SpringApplication(SettingsValidationTest.AllSettings.class);
		fetcher.setWebApplicationType(WebApplicationType.NONE);
		Map<String, Object> environment = variable.startsWith("FORGES_PROVIDERS_GHE")
				? Map.of(variable, value, "FORGES_PROVIDERS_GHE_TYPE", "github") : Map.of(variable, value);
		fetcher.addInitializers(context -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment)));

		assertThatThrownBy(() -> fetcher.run()).isNotNull();

		String report = output.getOut().substring(output.getOut().lastIndexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains(description)
			.contains("Action:\n\nSet " + variable + " as that says")
			.doesNotContain("Binding to target", "Settings", "dev.commitcollector", "Failed to bind");
	}

	@Test
	void namesTheVariablesOfACheckAcrossSettings(CapturedOutput output) {
		SpringApplication fetcher = new SpringApplication(SettingsValidationTest.AllSettings.class);
		fetcher.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> fetcher.run("--fetcher.limit.default-limit=200000")).isNotNull();

		assertThat(output.getOut()).contains("FETCH_DEFAULT_LIMIT must not be above FETCH_MAX_LIMIT",
				"Set FETCH_DEFAULT_LIMIT and FETCH_MAX_LIMIT as that says, or leave them unset");
	}

}
