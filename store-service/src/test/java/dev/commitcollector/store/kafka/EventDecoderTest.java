package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.commitcollector.store.domain.CommitRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventDecoderTest {

	private final EventDecoder decoder = new EventDecoder(JsonMapper.builder().build());

	@Test
	void decodesAnEventAndAppliesTheIdentityRule() {
		CommitRecord commit = decode(anEvent().repository("acme/widgets").by("Ada", " Ada@Example.ORG ", null).json());

		assertThat(commit.repository()).isEqualTo("acme/widgets");
		assertThat(commit.author().key()).isEqualTo("email:ada@example.org");
		assertThat(commit.authorEmail()).isEqualTo(" Ada@Example.ORG ");
	}

	@Test
	void prefersTheForgeLoginOverTheEmail() {
		assertThat(decode(anEvent().by("Ada", "ada@example.org", "AdaL").json()).author().key())
			.isEqualTo("login:adal");
	}

	@Test
	void dropsNulCharactersThatPostgresTextCannotHold() {
		CommitRecord commit = decode(anEvent().by("Ada\0Lovelace", "ada@example.org", null).json());

		assertThat(commit.authorName()).isEqualTo("AdaLovelace");
	}

	@Test
	void refusesDatesPostgresCannotStore() {
		assertThatThrownBy(() -> decode(anEvent().authoredAt(Instant.parse("+20000-01-01T00:00:00Z")).json()))
			.isInstanceOf(EventDecoder.InvalidEvent.class)
			.hasMessageContaining("authoredAt");
	}

	@Test
	void refusesEventsThatAreNotCommitDiscovered() {
		assertThatThrownBy(() -> decode("not json")).isInstanceOf(EventDecoder.InvalidEvent.class)
			.hasMessageContaining("not CommitDiscovered JSON");
		assertThatThrownBy(() -> decode("{\"schemaVersion\":2}")).isInstanceOf(EventDecoder.InvalidEvent.class)
			.hasMessageContaining("schemaVersion must be 1")
			.hasMessageContaining("sha");
		assertThatThrownBy(() -> decoder.decode(null)).isInstanceOf(EventDecoder.InvalidEvent.class);
		assertThatThrownBy(() -> decode(anEvent().sha("ABC").json())).hasMessageContaining("sha");
		assertThatThrownBy(() -> decode(anEvent().repository("../etc").json())).hasMessageContaining("repository");
		assertThatThrownBy(() -> decode(anEvent().by("Nobody", null, null).json()))
			.hasMessageContaining("neither an email nor a login");
	}

	private CommitRecord decode(String json) {
		return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
	}

}
