package dev.commitcollector.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * A session timeout outside what Kafka's brokers allow would start a store that never
 * joins its group and logs the refusal without end, its readiness UP: the start fails
 * instead, naming the environment variable.
 */
class ConsumerSettingsValidationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@ParameterizedTest
	@ValueSource(strings = { "999999999", "1800001", "5999", "-1" })
	void refusesASessionTimeoutKafkaWouldRefuse(String timeout) {
		context.withPropertyValues("store.consumer.session-timeout-ms=" + timeout)
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.satisfies(failure -> assertThat(
						Stream.iterate(failure, error -> error != null, Throwable::getCause).map(String::valueOf))
					.anyMatch(m -> m.contains("STORE_SESSION_TIMEOUT_MS must be between 6000 and 1800000"))));
		context.withPropertyValues("store.consumer.session-timeout-ms=1800000")
			.run(started -> assertThat(started).hasNotFailed());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "store.consumer.group|' '|STORE_CONSUMER_GROUP must not be blank",
					"store.consumer.max-poll-records|0|STORE_MAX_POLL_RECORDS must be at least 1",
					"store.consumer.consumers|0|STORE_CONSUMERS must be at least 1" })
	void refusesWhatKafkaOrSpringRefusedWithAStackTraceNamingTheVariable(String property, String value,
			String message) {
		context.withPropertyValues(property + "=" + value)
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.satisfies(failure -> assertThat(
						Stream.iterate(failure, error -> error != null, Throwable::getCause).map(String::valueOf))
					.anyMatch(m -> m.contains(message))));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ConsumerSettings.class)
	static class Settings {

	}

}
