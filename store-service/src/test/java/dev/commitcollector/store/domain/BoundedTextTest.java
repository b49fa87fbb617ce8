package dev.commitcollector.store.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BoundedTextTest {

	@Test
	void dropsNulAndUnpairedSurrogatesAndTurnsControlCharactersIntoSpaces() {
		assertThat(BoundedText.of("Ada\0 Love\tlace\u001b[31m\ud800", 100)).isEqualTo("Ada Love lace [31m");
	}

	@Test
	void cutsAtTheByteBoundOnAWholeCharacter() {
		String cut = BoundedText.of("😀".repeat(10), 10);

		assertThat(cut).isEqualTo("😀😀");
		assertThat(BoundedText.of("ab李", 4)).isEqualTo("ab");
		assertThat(BoundedText.of("x".repeat(1_500_000), 1024).getBytes(StandardCharsets.UTF_8)).hasSize(1024);
	}

	@Test
	void keepsNullAndShortTextAsTheyAre() {
		assertThat(BoundedText.of(null, 10)).isNull();
		assertThat(BoundedText.of("Zoë Ångström 李", 100)).isEqualTo("Zoë Ångström 李");
	}

	@Test
	void returnsTextThatNeedsNoCleaningWithoutCopyingIt() {
		String clean = "Zoë Ångström 李 <zoe@example.org>";

		assertThat(BoundedText.of(clean, 1024)).isSameAs(clean);
		assertThat(BoundedText.of(clean, 10)).isNotSameAs(clean).isEqualTo("Zoë Ångs");
		assertThat(BoundedText.of("Ada\u009bLovelace", 1024)).isEqualTo("Ada Lovelace");
		assertThat(BoundedText.of("ok 😀", 1024)).isEqualTo("ok 😀");
	}

}
