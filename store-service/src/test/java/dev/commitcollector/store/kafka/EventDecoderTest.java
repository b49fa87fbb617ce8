package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import dev.commitcollector.store.Events;
import dev.commitcollector.store.domain.CoAuthor;
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
	void storesEveryDateOfTheYearsOneTo9999ToTheLastMicrosecondAndNoneBeyond() {
		for (String date : new String[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
				"9999-12-31T23:59:59.999999Z" }) {
			CommitRecord commit = decode(
					anEvent().authoredAt(Instant.parse(date)).committedAt(Instant.parse(date)).json());
			assertThat(commit.authoredAt()).isEqualTo(Instant.parse(date));
			assertThat(commit.committedAt()).isEqualTo(Instant.parse(date));
		}
		for (String date : new String[] { "-0001-12-31T23:59:59Z", "9999-12-31T23:59:59.9999991Z",
				"+10000-01-01T00:00:00Z" }) {
			assertThatThrownBy(() -> decode(anEvent().authoredAt(Instant.parse(date)).json()))
				.isInstanceOf(EventDecoder.InvalidEvent.class)
				.hasMessageContaining("authoredAt");
		}
	}

	@Test
	void readsAnEventAsUtf8EvenWhenItStartsWithAUtf16ByteOrderMark() {
		byte[] value = { (byte) 0xFF, (byte) 0xFE, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n' };

		assertThatThrownBy(() -> decoder.decode(value)).isInstanceOf(EventDecoder.InvalidEvent.class)
			.hasMessageContaining("not CommitDiscovered JSON")
			.hasMessageContaining("(code 65533 / 0xfffd)")
			.hasMessageNotContaining("\u6E02");
	}

	@Test
	void refusesEventsThatAreNotCommitDiscovered() {
		assertThatThrownBy(() -> decode("not json")).isInstanceOf(EventDecoder.InvalidEvent.class)
			.hasMessageContaining("not CommitDiscovered JSON");
		assertThatThrownBy(() -> decode("{\"schemaVersion\":3}")).isInstanceOf(EventDecoder.InvalidEvent.class)
			.hasMessageContaining("schemaVersion must be 1 or 2, was 3")
			.hasMessageContaining("sha");
		assertThatThrownBy(() -> decoder.decode(null)).isInstanceOf(EventDecoder.InvalidEvent.class);
		assertThatThrownBy(() -> decode(anEvent().sha("ABC").json())).hasMessageContaining("sha");
		assertThatThrownBy(() -> decode(anEvent().repository("../etc").json())).hasMessageContaining("repository");
	}

	@Test
	void refusesAFieldOfAnotherTypeThanTheContractsOrGivenTwice() {
		String event = anEvent().json();
		for (String wrong : new String[] { event.replace("\"schemaVersion\":1", "\"schemaVersion\":1.5"),
				event.replace("\"schemaVersion\":1", "\"schemaVersion\":\"2\""),
				event.replace("\"provider\":\"github\"", "\"provider\":7"),
				event.replace("\"schemaVersion\":1", "\"schemaVersion\":1,\"schemaVersion\":2"),
				event.replace("\"repository\":", "\"repository\":\"acme/other\",\"repository\":") }) {
			assertThatThrownBy(() -> decode(wrong)).as(wrong)
				.isInstanceOf(EventDecoder.InvalidEvent.class)
				.hasMessageContaining("not CommitDiscovered JSON");
		}
	}

	@Test
	void acceptsExactlyTheContractsProviderAndShaForms() {
		assertThat(Stream.of("github", "gitlab-ee", "0", "a".repeat(40), "my-forge-2"))
			.allMatch(EventDecoder::isProvider);
		assertThat(Stream.of("", "-github", "GitHub", "git hub", "git_hub", "a".repeat(41), "gitläb"))
			.noneMatch(EventDecoder::isProvider);
		assertThat(Stream.of("0123456789abcdef".repeat(4).substring(0, 40), "f".repeat(64)))
			.allMatch(EventDecoder::isSha);
		assertThat(Stream.of("a".repeat(39), "a".repeat(41), "a".repeat(63), "A".repeat(40), "g".repeat(40),
				"a".repeat(39) + "\u0661"))
			.noneMatch(EventDecoder::isSha);
		assertThat(Stream.of("acme/widgets", "a/b/c", "Ünïcode/repo", "acme/foo..bar", "acme/..hidden", "acme/.x",
				"acme/x."))
			.allMatch(EventDecoder::isRepository);
		assertThat(Stream.of(" ", "a/../b", "../etc", "a/..", "a/.", "./a", "a//b", "/a", "a/", "a/\u0085b", "a/\tb",
				"a".repeat(301)))
			.noneMatch(EventDecoder::isRepository);
	}

	@Test
	void storesAnAuthorWithNeitherAnEmailNorALoginUnderTheirName() {
		CommitRecord nobody = decode(anEvent().by("Ada Lovelace", null, null).json());
		CommitRecord empty = decode(anEvent().by(" ada lovelace ", "", null).json());

		assertThat(nobody.author().key()).isEqualTo("name:ada lovelace");
		assertThat(empty.author()).isEqualTo(nobody.author());
		assertThat(decode(anEvent().by("Grace Hopper", null, null).json()).author()).isNotEqualTo(nobody.author());
		assertThat(decode(anEvent().by(null, null, null).json()).author().key()).isEqualTo("email:");
	}

	@Test
	void readsAVersionOneEventAsACommitWithoutCoAuthors() {
		assertThat(decode(anEvent().json()).coAuthors()).isEmpty();
	}

	@Test
	void readsTheCoAuthorsAVersionOneEventAlreadyCarries() {
		String json = anEvent().coAuthoredBy("Grace", "grace@example.org")
			.json()
			.replace("\"schemaVersion\":2", "\"schemaVersion\":1");

		assertThat(decode(json).coAuthors()).extracting(c -> c.identity().key())
			.containsExactly("email:grace@example.org");
	}

	@Test
	void keysEachCoAuthorOfAVersionTwoEventByTheirLowercasedEmail() {
		CommitRecord commit = decode(anEvent().by("Ada", "ada@example.org", "ada")
			.coAuthoredBy("Grace Hopper", " Grace@Example.ORG ")
			.coAuthoredBy(null, "octocat@users.noreply.github.com")
			.json());

		assertThat(commit.coAuthors()).extracting(c -> c.identity().key(), CoAuthor::name, CoAuthor::email)
			.containsExactly(tuple("email:grace@example.org", "Grace Hopper", " Grace@Example.ORG "),
					tuple("email:octocat@users.noreply.github.com", null, "octocat@users.noreply.github.com"));
	}

	@Test
	void keepsEachCoAuthorOnceNeverTheAuthorAndNoneWithoutAnEmail() {
		CommitRecord commit = decode(anEvent().by("Ada", "Ada@example.org", "ada")
			.coAuthoredBy("Grace", "grace@example.org")
			.coAuthoredBy("Grace H.", "GRACE@example.org")
			.coAuthoredBy("Ada again", "ada@EXAMPLE.org")
			.coAuthoredBy("Nobody", null)
			.coAuthoredBy("Blank", "  ")
			.json());

		assertThat(commit.coAuthors()).extracting(CoAuthor::name).containsExactly("Grace");
	}

	@Test
	void keepsTheFirstSixteenCoAuthorsEachCleanedAndBounded() {
		Events event = anEvent();
		for (int i = 0; i < 20; i++) {
			event.coAuthoredBy("Dev\0 " + "x".repeat(2000), "dev" + i + "@example.org");
		}

		CommitRecord commit = decode(event.json());

		assertThat(commit.coAuthors()).hasSize(EventDecoder.MAX_CO_AUTHORS)
			.allSatisfy(c -> assertThat(c.name()).doesNotContain("\0")
				.hasSizeLessThanOrEqualTo(EventDecoder.MAX_TEXT_BYTES));
		assertThat(commit.coAuthors().get(15).identity().key()).isEqualTo("email:dev15@example.org");
	}

	@Test
	void refusesCoAuthorsThatAreNotAList() {
		String json = anEvent().coAuthoredBy("A", "a@x.org").json().replaceFirst("\\[.*]", "\"a@x.org\"");

		assertThatThrownBy(() -> decode(json)).isInstanceOf(EventDecoder.InvalidEvent.class)
			.hasMessageContaining("not CommitDiscovered JSON");
	}

	private CommitRecord decode(String json) {
		return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
	}

}
