package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ForgeTextTest {

	@Test
	void dropsNulAndUnpairedSurrogatesAndTurnsControlCharactersIntoSpaces() {
		assertThat(ForgeText.clean("Ada\0 Love\tlace\u001b[0m\udc00\u0085", 100)).isEqualTo("Ada Love lace [0m ");
	}

	@Test
	void dropsWhatReordersTextAndKeepsTheMarksAndJoinersNamesNeed() {
		assertThat(ForgeText.clean("ab\u202Egnp.exe \u2066iso\u2069 \u202Aemb\u202C", 100))
			.isEqualTo("abgnp.exe iso emb");
		assertThat(ForgeText.clean("one\u2028two\u2029three", 100)).isEqualTo("one two three");
		assertThat(ForgeText.clean("\u0645\u200Cی \u200F(x)\u200E 👩\u200D💻", 100))
			.isEqualTo("\u0645\u200Cی \u200F(x)\u200E 👩\u200D💻");
	}

	@Test
	void boundsByUtf8BytesOnAWholeCharacter() {
		assertThat(ForgeText.clean("😀😀😀", 11)).isEqualTo("😀😀");
		assertThat(ForgeText.clean("Zoë Ångström 李", 100)).isEqualTo("Zoë Ångström 李");
		assertThat(ForgeText.clean(null, 10)).isNull();
	}

	@Test
	void boundsEveryTextFieldOfACommitSoNoEventCanOutgrowTheBroker() {
		String huge = "x".repeat(1_500_000);
		DiscoveredCommit commit = new DiscoveredCommit("a".repeat(40), new CommitAuthor(huge, huge + "@x", huge),
				Instant.EPOCH, Instant.EPOCH, DiscoveredCommit.headlineOf("李".repeat(400)));

		assertThat(bytes(commit.author().name())).isEqualTo(ForgeText.MAX_NAME_BYTES);
		assertThat(bytes(commit.author().email())).isEqualTo(ForgeText.MAX_NAME_BYTES);
		assertThat(bytes(commit.author().login())).isEqualTo(ForgeText.MAX_LOGIN_BYTES);
		assertThat(bytes(commit.messageHeadline())).isLessThanOrEqualTo(ForgeText.MAX_HEADLINE_BYTES);
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
