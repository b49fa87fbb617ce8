package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.MailmapEvents.aMailmap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import dev.commitcollector.store.domain.MailmapEntry;
import dev.commitcollector.store.domain.MailmapRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MailmapDecoderTest {

	private final MailmapDecoder decoder = new MailmapDecoder(JsonMapper.builder().build());

	@Test
	void parsesTheFileTheEventCarries() {
		MailmapRecord mailmap = decode(aMailmap().repository("acme/widgets")
			.text("# people\nJane Doe <jane@example.com> <jane@laptop.(none)>\n")
			.json());

		assertThat(mailmap.repository()).isEqualTo("acme/widgets");
		assertThat(mailmap.present()).isTrue();
		assertThat(mailmap.truncated()).isFalse();
		assertThat(mailmap.mailmap().entries())
			.containsExactly(new MailmapEntry("Jane Doe", "jane@example.com", null, "jane@laptop.(none)"));
	}

	@Test
	void readsANullFileAsARepositoryWithoutAMailmap() {
		MailmapRecord mailmap = decode(aMailmap().json());

		assertThat(mailmap.present()).isFalse();
		assertThat(mailmap.mailmap().entries()).isEmpty();
	}

	@Test
	void cutsAFileOverTheBoundAtItsLastWholeLineAndSaysSo() {
		String line = "A <a@example.org>\n";
		String text = line.repeat(MailmapDecoder.MAX_MAILMAP_CHARS / line.length() + 10);

		MailmapRecord mailmap = decode(aMailmap().text(text).json());

		assertThat(mailmap.truncated()).isTrue();
		assertThat(mailmap.mailmap().entries()).hasSize(MailmapDecoder.MAX_MAILMAP_CHARS / line.length())
			.allMatch(entry -> entry.commitEmail().equals("a@example.org"));
	}

	@Test
	void readsAFileTheFetcherFoundTooLargeAsPresentTruncatedAndWithoutEntries() {
		MailmapRecord mailmap = decode(
				aMailmap().json().replace("\"mailmap\":null", "\"mailmap\":null,\"truncated\":true"));

		assertThat(mailmap.present()).isTrue();
		assertThat(mailmap.truncated()).isTrue();
		assertThat(mailmap.mailmap().entries()).isEmpty();
	}

	@Test
	void refusesEventsThatAreNotMailmapDiscovered() {
		assertThatThrownBy(() -> decode("not json")).isInstanceOf(EventDecoder.InvalidEvent.class)
			.hasMessageContaining("not MailmapDiscovered JSON");
		assertThatThrownBy(() -> decode("{\"schemaVersion\":2}")).isInstanceOf(EventDecoder.InvalidEvent.class)
			.hasMessageContaining("schemaVersion must be 1, was 2")
			.hasMessageContaining("eventId")
			.hasMessageContaining("repository")
			.hasMessageContaining("discoveredAt");
		assertThatThrownBy(() -> decoder.decode(null)).isInstanceOf(EventDecoder.InvalidEvent.class);
		assertThatThrownBy(() -> decode(aMailmap().repository("../etc").json())).hasMessageContaining("repository");
		assertThatThrownBy(() -> decode(aMailmap().json().replaceFirst("\"sha\":\"[0-9a-f]+\"", "\"sha\":\"HEAD\"")))
			.hasMessageContaining("sha");
	}

	private MailmapRecord decode(String json) {
		return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
	}

}
