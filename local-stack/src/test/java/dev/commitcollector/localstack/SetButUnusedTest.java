package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SetButUnusedTest {

	@Test
	void namesTheConnectionSettingsTheRunCommandSetsItself() {
		Map<String, String> environment = Map.of("POSTGRES_PORT", "5433", "STORE_DB_PASSWORD", "secret",
				"GITHUB_API_URL", "https://github.example.com/api/v3", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
				"WATCH_MAX", "5");

		assertThat(LocalStack.setButUnused(environment)).containsExactly("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_PORT",
				"STORE_DB_PASSWORD");
	}

	@Test
	void namesNothingWhenNoneIsSet() {
		assertThat(LocalStack.setButUnused(Map.of("GITHUB_TOKEN", "t", "STACK_DATA_DIR", "/tmp/x"))).isEmpty();
	}

}
