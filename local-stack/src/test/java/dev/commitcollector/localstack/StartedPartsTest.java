package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StartedPartsTest {

	private final List<String> stopped = new ArrayList<>();

	@Test
	void stopsWhatStartedLastStartedFirstAndOnlyOnce() throws Exception {
		StartedParts parts = new StartedParts();
		for (String part : List.of("kafka", "postgres", "store")) {
			parts.start(() -> part, started -> () -> stopped.add(started));
		}

		parts.close();
		parts.close();

		assertThat(stopped).containsExactly("store", "postgres", "kafka");
	}

	@Test
	void startsNothingOnceStopping() throws Exception {
		StartedParts parts = new StartedParts();
		parts.close();

		assertThatThrownBy(() -> parts.start(() -> {
			stopped.add("started anyway");
			return "fetcher";
		}, started -> () -> {
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopping");
		assertThat(stopped).isEmpty();
		assertThat(parts.stopping()).isTrue();
	}

}
