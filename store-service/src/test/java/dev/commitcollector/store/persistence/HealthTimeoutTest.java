package dev.commitcollector.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * A health check that may not wait at all would say DOWN every time: refused at start.
 */
class HealthTimeoutTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void refusesATimeoutThatIsNotPositiveNamingItsVariable(String timeout) {
		context.withPropertyValues("store.health-timeout=" + timeout)
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.satisfies(failure -> assertThat(
						Stream.iterate(failure, error -> error != null, Throwable::getCause).map(String::valueOf))
					.anyMatch(text -> text.contains("STORE_HEALTH_TIMEOUT must be positive"))));
		context.withPropertyValues("store.health-timeout=250ms")
			.run(started -> assertThat(started.getBean(HealthTimeout.class).healthTimeout())
				.isEqualTo(Duration.ofMillis(250)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(HealthTimeout.class)
	static class Settings {

	}

}
