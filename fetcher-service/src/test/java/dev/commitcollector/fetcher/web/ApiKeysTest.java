package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code FETCHER_API_KEYS} as Spring binds it: unset (empty) leaves the fetcher open; set
 * to nothing but commas or spaces, or to a short key, refuses to start instead of leaving
 * it open or guessable.
 */
class ApiKeysTest {

	@Test
	void leavesTheFetcherOpenWhenTheVariableIsEmpty() {
		assertThat(bound("").required()).isFalse();
	}

	@Test
	void requiresOneOfTheKeysGiven() {
		ApiKeys keys = bound("first-key, second-key");

		assertThat(keys.required()).isTrue();
		assertThat(keys.accepts("second-key")).isTrue();
		assertThat(keys.accepts(" second-key")).isFalse();
	}

	@Test
	void refusesAValueOfOnlyCommasOrSpaces() {
		for (String value : new String[] { ",", " , ", " " }) {
			assertThatThrownBy(() -> bound(value)).as("'%s'", value)
				.rootCause()
				.hasMessageContaining("FETCHER_API_KEYS is set but holds no key");
		}
	}

	@Test
	void refusesAKeyShorterThanEightCharacters() {
		assertThatThrownBy(() -> bound("long-enough-key,x")).rootCause()
			.hasMessageContaining("shorter than 8 characters");
	}

	private static ApiKeys bound(String value) {
		return new Binder(new MapConfigurationPropertySource(Map.of("fetcher.api.keys", value)))
			.bindOrCreate("fetcher.api", ApiKeys.class);
	}

}
