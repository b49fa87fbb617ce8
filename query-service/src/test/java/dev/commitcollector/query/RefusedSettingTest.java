package dev.commitcollector.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A setting out of its range fails the query-service's start with a report that names the
 * variable a person set, the value it had and what it must be, not the settings record's
 * class or Spring's binding terms.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedSettingTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "QUERY_PORT | 70000 | QUERY_PORT must be a port number, from 1 to 65535",
			"QUERY_AUTHORS_PAGE_SIZE | 0 | QUERY_AUTHORS_PAGE_SIZE must be at least 1 (it is '0')" })
	void namesTheVariableItsValueAndWhatItMustBe(String variable, String value, String description,
			CapturedOutput output) {
		SpringApplication query = new SpringApplication(AllSettings.class);
		query.setWebApplicationType(WebApplicationType.NONE);
		query.addInitializers(context -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(variable, value))));

		assertThatThrownBy(query::run).isNotNull();

		String report = output.getOut().substring(output.getOut().lastIndexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains(description, "(it is '" + value + "')")
			.contains("Action:\n\nSet " + variable + " as that says")
			.doesNotContain("Binding to target", "Settings", "dev.commitcollector", "Failed to bind");
	}

	/**
	 * Every settings record of the query-service, bound as at its start, and nothing
	 * else.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConfigurationPropertiesScan("dev.commitcollector.query")
	static class AllSettings {

	}

}
