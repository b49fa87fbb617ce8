package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DiscoveredCommitTest {

	private static final CommitAuthor ADA = new CommitAuthor("Ada Lovelace", "ada@example.org", "ada");

	private static final Instant AUTHORED = Instant.parse("2026-01-01T12:00:00Z");

	@Test
	void takesTheFirstLineOfAMessageAsItsHeadline() {
		assertThat(DiscoveredCommit.headlineOf("Fix the parser\n\nIt choked on empty input.\n"))
			.isEqualTo("Fix the parser");
	}

	@Test
	void takesAOneLineMessageWhole() {
		assertThat(DiscoveredCommit.headlineOf("Add README")).isEqualTo("Add README");
	}

	@Test
	void dropsTheCarriageReturnOfAWindowsLineEnding() {
		assertThat(DiscoveredCommit.headlineOf("Fix build\r\n\r\nDetails")).isEqualTo("Fix build");
	}

	@Test
	void stripsSurroundingWhitespaceFromTheHeadline() {
		assertThat(DiscoveredCommit.headlineOf("   Tidy up \t\nbody")).isEqualTo("Tidy up");
	}

	@Test
	void skipsTheBlankLinesAMessageBeginsWithAsGitDoesForASubject() {
		assertThat(DiscoveredCommit.headlineOf("\nOverhauled test suite getpart() function.\n\nbody"))
			.isEqualTo("Overhauled test suite getpart() function.");
		assertThat(DiscoveredCommit.headlineOf("\r\n \t\n\nFix it")).isEqualTo("Fix it");
	}

	@Test
	void keepsUnicodeInTheHeadline() {
		assertThat(DiscoveredCommit.headlineOf("Übersetzung für 李小龙 ✨🎉\nmore")).isEqualTo("Übersetzung für 李小龙 ✨🎉");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  ", "\n\n", " \t\r\n" })
	void hasNoHeadlineForAnEmptyMessage(String message) {
		assertThat(DiscoveredCommit.headlineOf(message)).isNull();
	}

	@Test
	void shortensAVeryLongHeadlineToFiveHundredCharacters() {
		String line = "x".repeat(700);

		assertThat(DiscoveredCommit.headlineOf(line + "\nbody")).isEqualTo("x".repeat(500));
	}

	@Test
	void neverSplitsAnEmojiWhenShorteningAHeadline() {
		// the 500th char is the first half of a surrogate pair
		String line = "x".repeat(499) + "🎉" + "tail";

		String headline = DiscoveredCommit.headlineOf(line);

		assertThat(headline).isEqualTo("x".repeat(499));
		assertThat(Character.isHighSurrogate(headline.charAt(headline.length() - 1))).isFalse();
	}

	@Test
	void keepsAnEmojiThatEndsExactlyAtTheLimit() {
		String line = "x".repeat(498) + "🎉" + "tail";

		assertThat(DiscoveredCommit.headlineOf(line)).isEqualTo("x".repeat(498) + "🎉");
	}

	@Test
	void acceptsShaOneAndShaTwoFiftySixIds() {
		String sha1 = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
		String sha256 = "a".repeat(64);

		assertThat(new DiscoveredCommit(sha1, ADA, AUTHORED, AUTHORED, "x").sha()).isEqualTo(sha1);
		assertThat(new DiscoveredCommit(sha256, ADA, AUTHORED, AUTHORED, null).sha()).isEqualTo(sha256);
	}

	@ParameterizedTest
	@ValueSource(ints = { 40, 64 })
	void refusesTheNullShaWhichNamesNoCommit(int length) {
		assertThatThrownBy(() -> new DiscoveredCommit("0".repeat(length), ADA, AUTHORED, AUTHORED, "x"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("the null sha names no commit");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "6dcb09b", "6DCB09B5B57875F334F61AEBED695E2E4193DB5E",
			"6dcb09b5b57875f334f61aebed695e2e4193db5z", "6dcb09b5b57875f334f61aebed695e2e4193db5e0" })
	void refusesAnythingThatIsNotAFullLowerCaseSha(String sha) {
		assertThatThrownBy(() -> new DiscoveredCommit(sha, ADA, AUTHORED, AUTHORED, "x"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a commit sha");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-0001-12-31T23:59:59Z", "9999-12-31T23:59:59.9999991Z", "+10000-01-01T00:00:00Z" })
	void refusesADateOutsideTheYearsOneTo9999ThatTheStoreHolds(String date) {
		String sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

		assertThatThrownBy(() -> new DiscoveredCommit(sha, ADA, Instant.parse(date), AUTHORED, "x"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("authoredAt " + Instant.parse(date) + " is outside the years 1 to 9999");
		assertThatThrownBy(() -> new DiscoveredCommit(sha, ADA, AUTHORED, Instant.parse(date), "x"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("committedAt");
		assertThat(new DiscoveredCommit(sha, ADA, Instant.parse("0001-01-01T00:00:00Z"),
				Instant.parse("9999-12-31T23:59:59.999999Z"), "x")
			.committedAt()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
	}

	@Test
	void requiresAnAuthorAndBothDates() {
		String sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

		assertThatThrownBy(() -> new DiscoveredCommit(sha, null, AUTHORED, AUTHORED, "x"))
			.isInstanceOf(NullPointerException.class)
			.hasMessage("author");
		assertThatThrownBy(() -> new DiscoveredCommit(sha, ADA, null, AUTHORED, "x"))
			.isInstanceOf(NullPointerException.class)
			.hasMessage("authoredAt");
		assertThatThrownBy(() -> new DiscoveredCommit(sha, ADA, AUTHORED, null, "x"))
			.isInstanceOf(NullPointerException.class)
			.hasMessage("committedAt");
	}

}
