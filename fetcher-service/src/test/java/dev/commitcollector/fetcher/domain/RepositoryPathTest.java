package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryPathTest {

	@Test
	void parsesOwnerAndName() {
		RepositoryPath path = RepositoryPath.parse("octocat/Hello-World");

		assertThat(path.owner()).isEqualTo("octocat");
		assertThat(path.name()).isEqualTo("Hello-World");
		assertThat(path).hasToString("octocat/Hello-World");
	}

	@Test
	void acceptsDotsUnderscoresAndHyphensInsideSegments() {
		RepositoryPath path = RepositoryPath.parse("a.b/c_d-e");

		assertThat(path).isEqualTo(new RepositoryPath("a.b", "c_d-e"));
	}

	@Test
	void acceptsSegmentsOf255Characters() {
		String owner = "o".repeat(255);
		String name = "n".repeat(44);

		assertThat(RepositoryPath.parse(owner + "/" + name).owner()).isEqualTo(owner);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t", "\n" })
	void rejectsAMissingRepositoryAskingForOwnerSlashName(String value) {
		assertThatThrownBy(() -> RepositoryPath.parse(value)).isInstanceOf(RepositoryPath.InvalidRepositoryPath.class)
			.hasMessageContaining("repository is required")
			.hasMessageContaining("owner/name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "a/b/c", "https://github.com/a/b", "github.com/octocat/Hello-World" })
	void rejectsAnythingButExactlyTwoSegments(String value) {
		assertThatThrownBy(() -> RepositoryPath.parse(value)).isInstanceOf(RepositoryPath.InvalidRepositoryPath.class)
			.hasMessageContaining("must be owner/name")
			.hasMessageContaining(value);
	}

	@ParameterizedTest
	@CsvSource({ "a, with a '/' between its parts", "a/b/c, not a longer or shorter path",
			"https://github.com/a/b, not a URL" })
	void saysWhatAPathOfTheWrongShapeIsNot(String value, String said) {
		assertThatThrownBy(() -> RepositoryPath.parse(value)).hasMessageContaining(said);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "a/..", "./x", "a/.", "a b/c", "a/b c", "a/", "/b", "/", "a/b?x=1", "a/b#c",
			"a%2F/b", "a:b/c", "zoë/repo" })
	void rejectsSegmentsThatCouldEscapeAUrlPath(String value) {
		assertThatThrownBy(() -> RepositoryPath.parse(value)).isInstanceOf(RepositoryPath.InvalidRepositoryPath.class)
			.hasMessageContaining("may contain only letters, digits");
	}

	@Test
	void rejectsAnOverLongValueBeforeLookingAtItsSegments() {
		String value = "o".repeat(100) + "/" + "n".repeat(200);

		assertThat(value).hasSize(301);
		assertThatThrownBy(() -> RepositoryPath.parse(value)).isInstanceOf(RepositoryPath.InvalidRepositoryPath.class)
			.hasMessage("repository is longer than 300 characters");
	}

	@Test
	void rejectsASegmentLongerThan255Characters() {
		assertThatThrownBy(() -> RepositoryPath.parse("o".repeat(256) + "/n"))
			.isInstanceOf(RepositoryPath.InvalidRepositoryPath.class)
			.hasMessageContaining("repository owner may contain only");
	}

	@Test
	void showsControlCharactersAsQuestionMarksInTheMessage() {
		assertThatThrownBy(() -> RepositoryPath.parse("a\u0007b/c"))
			.isInstanceOf(RepositoryPath.InvalidRepositoryPath.class)
			.hasMessageEndingWith("'a?b'")
			.hasMessageNotContaining("\u0007");
	}

	@Test
	void refusesTraversalSegmentsWhenBuiltDirectly() {
		assertThatThrownBy(() -> new RepositoryPath("..", "x"))
			.isInstanceOf(RepositoryPath.InvalidRepositoryPath.class);
		assertThatThrownBy(() -> new RepositoryPath("octocat", null))
			.isInstanceOf(RepositoryPath.InvalidRepositoryPath.class)
			.hasMessageContaining("repository name");
	}

}
