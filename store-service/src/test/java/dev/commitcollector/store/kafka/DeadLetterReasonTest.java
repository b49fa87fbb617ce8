package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dead letter's reason repeats what the event said, on one line and bounded: an event
 * cannot forge a log line of the store's.
 */
class DeadLetterReasonTest {

	private final EventDecoder decoder = new EventDecoder(JsonMapper.builder().build());

	@Test
	void keepsTheReasonForAnEventThatCarriesLineBreaksOnOneLine() {
		String forged = anEvent().json()
			.replaceFirst("\"authoredAt\":\"[^\"]*\"",
					"\"authoredAt\":\"x\\\\r\\\\n2026-01-01 ERROR forged line\\\\u2028and another\"");
		Throwable refused = catchThrowable(() -> decoder.decode(forged.getBytes(StandardCharsets.UTF_8)));
		assertThat(refused).hasMessageContaining("forged line");

		String reason = new DeadLetters.Letter(record(forged), refused.getMessage()).reason();

		assertThat(reason).contains("ERROR forged line").doesNotContain("\r", "\n", "\u2028");
	}

	@Test
	void boundsAReasonThatRepeatsALongValue() {
		String reason = new DeadLetters.Letter(record("{}"), "the event is invalid: " + "x".repeat(100_000)).reason();

		assertThat(reason).hasSize(DeadLetters.Letter.MAX_REASON + 3).endsWith("...");
	}

	private static ConsumerRecord<String, byte[]> record(String value) {
		return new ConsumerRecord<>("commits.discovered", 0, 0, "github:acme/widgets",
				value.getBytes(StandardCharsets.UTF_8));
	}

}
