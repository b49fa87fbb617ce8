package dev.commitcollector.store;

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
 * A setting out of its range fails the store-service's start with a report that names the
 * variable a person set, the value it had and what it must be, not the settings record's
 * class or Spring's binding terms.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedSettingTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "STORE_PORT | 70000 | STORE_PORT must be a port number, from 1 to 65535",
			"STORE_DB_LOCK_TIMEOUT | 0s | STORE_DB_LOCK_TIMEOUT must be positive, such as 10s (it is '0s')" })
	void namesTheVariableItsValueAndWhatItMustBe(String variable, String value, String description,
			CapturedOutput output) {
		SpringApplication store = new SpringApplication(AllSettings.class);
		store.setWebApplicationType(WebApplicationType.NONE);
		store.addInitializers(context -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(variable, value))));

		assertThatThrownBy(store::run).isNotNull();

		String report = output.getOut().substring(output.getOut().lastIndexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains(description, "(it is '" + value + "')")
			.contains("Action:\n\nSet " + variable + " as that says")
			.doesNotContain("Binding to target", "Settings", "dev.commitcollector", "Failed to bind");
	}

	/**
	 * Every settings record of the store-service, bound as at its start, and nothing
	 * else.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConfigurationPropertiesScan("dev.commitcollector.store")
	static class AllSettings {

	}

}
