package dev.commitcollector.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingOriginTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "WATCH_MAX | -5 | '-5'", "GITHUB_TOKEN | ghp_x | (not shown: a secret)",
					"STORE_DB_PASSWORD | hunter2 | (not shown: a secret)",
					"FETCHER_API_KEYS | k | (not shown: a secret)",
					"forges.providers.ghe.token | t | (not shown: a secret)", "GITHUB_API_URL | \"\" | empty" })
	void showsTheValueARefusalNamesButNeverASecretsValue(String variable, String value, String shown) {
		assertThat(new SettingOrigin(variable, value, false).shownValue()).isEqualTo(shown);
	}

}
