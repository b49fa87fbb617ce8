package dev.commitcollector.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

class UnreadableSettingTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "${WATCH_MAX:10000} | WATCH_MAX | abc | int | WATCH_MAX is 'abc', which is not a whole number",
					"${GITHUB_TIMEOUT:20s} | GITHUB_TIMEOUT | soon | duration | "
							+ "GITHUB_TIMEOUT is 'soon', which is not a duration such as 500ms, 30s, 5m or 1h",
					"'' | '' | '' | int | fetcher.setting is empty, which is not a whole number",
					"7x | '' | '' | bool | fetcher.setting is '7x', which is not true or false" })
	void namesTheVariableItsValueAndWhatItTakes(String configured, String variable, String value, String type,
			String description) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.addFirst(new MapPropertySource("application.yml", Map.of("fetcher.setting", configured)));
		if (!variable.isEmpty()) {
			sources.addFirst(new MapPropertySource("environment", Map.of(variable, value)));
		}
		Binder binder = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources));
		Class<?> target = switch (type) {
			case "int" -> int.class;
			case "duration" -> Duration.class;
			default -> boolean.class;
		};

		BindException refused = catchThrowableOfType(BindException.class,
				() -> binder.bind("fetcher.setting", Bindable.of(target)));
		FailureAnalysis analysis = new UnreadableSetting(environment).analyze(refused);

		assertThat(analysis.getDescription()).isEqualTo(description);
		assertThat(analysis.getAction()).startsWith("Set " + description.substring(0, description.indexOf(' ')));
	}

}
