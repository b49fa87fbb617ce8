package dev.commitcollector.store.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against gitmailmap(5)'s own examples and the edges of git's
 * {@code read_mailmap_line}; each expectation was checked with {@code git check-mailmap}
 * (git 2.39).
 */
class MailmapTest {

	static Stream<Arguments> lines() {
		return Stream.of(
				// the four forms of gitmailmap(5)
				Arguments.of("Proper Name <commit@email.xx>", entry("Proper Name", null, null, "commit@email.xx")),
				Arguments.of("<proper@email.xx> <commit@email.xx>",
						entry(null, "proper@email.xx", null, "commit@email.xx")),
				Arguments.of("Proper Name <proper@email.xx> <commit@email.xx>",
						entry("Proper Name", "proper@email.xx", null, "commit@email.xx")),
				Arguments.of("Proper Name <proper@email.xx> Commit Name <commit@email.xx>",
						entry("Proper Name", "proper@email.xx", "Commit Name", "commit@email.xx")),
				// the case-insensitive example keeps its spelling; matching folds case
				Arguments.of("Proper Name <proper@email.xx> CoMmIt NaMe <CoMmIt@EmAiL.xX>",
						entry("Proper Name", "proper@email.xx", "CoMmIt NaMe", "CoMmIt@EmAiL.xX")),
				// names are trimmed of any whitespace, a Windows line end included; a
				// control
				// character inside becomes a space, as in every stored name
				Arguments.of("  Joe \t R. Developer\t <joe@example.com>\r",
						entry("Joe   R. Developer", null, null, "joe@example.com")),
				// git reads a '#' later on the line as part of a name, not as a comment
				Arguments.of("Trail Ing <t@x.xx> # old <t@old.xx>", entry("Trail Ing", "t@x.xx", "# old", "t@old.xx")),
				Arguments.of("  # indented <in@dent.xx>", entry("# indented", null, null, "in@dent.xx")),
				// text after the second email is ignored; so is a trailing comment
				// without one
				Arguments.of("A <a@x.xx> B <b@x.xx> junk <c@x.xx>", entry("A", "a@x.xx", "B", "b@x.xx")),
				Arguments.of("A <a@x.xx> # a comment", entry("A", null, null, "a@x.xx")),
				// the commit email may be empty (it matches commits without one); the
				// first may not
				Arguments.of("Second Empty <se@x.xx> <>", entry("Second Empty", "se@x.xx", null, "")), Arguments
					.of("Zoë Ångström 李 <zoe@example.org>", entry("Zoë Ångström 李", null, null, "zoe@example.org")));
	}

	@ParameterizedTest
	@MethodSource("lines")
	void readsEachLineAsGitDoes(String line, MailmapEntry expected) {
		assertThat(Mailmap.parse(line).entries()).containsExactly(expected);
	}

	@Test
	void ignoresCommentsBlankLinesAndLinesWithoutAnEmail() {
		assertThat(Mailmap.parse("# A <a@x.xx>\n\n   \nNo Email\nEmpty <>\nHalf <open\n").entries()).isEmpty();
	}

	@Test
	void readsGitsDocumentedExampleInFileOrder() {
		String mailmap = """
				# from gitmailmap(5), EXAMPLES
				Joe R. Developer <joe@example.com>
				Jane Doe <jane@example.com> <jane@laptop.(none)>
				Jane Doe <jane@example.com> <jane@desktop.(none)>
				Joe R. Developer <joe@example.com> Joe <bugs@example.com>
				Jane Doe <jane@example.com> Jane <bugs@example.com>
				""";

		assertThat(Mailmap.parse(mailmap).entries()).containsExactly(
				entry("Joe R. Developer", null, null, "joe@example.com"),
				entry("Jane Doe", "jane@example.com", null, "jane@laptop.(none)"),
				entry("Jane Doe", "jane@example.com", null, "jane@desktop.(none)"),
				entry("Joe R. Developer", "joe@example.com", "Joe", "bugs@example.com"),
				entry("Jane Doe", "jane@example.com", "Jane", "bugs@example.com"));
	}

	@Test
	void readsNoEntriesFromNoFile() {
		assertThat(Mailmap.parse(null).entries()).isEmpty();
		assertThat(Mailmap.parse("").entries()).isEmpty();
	}

	@Test
	void keepsAtMostTheBoundedNumberOfEntriesEachPartBounded() {
		String huge = "<a@x.xx>\n".repeat(Mailmap.MAX_ENTRIES + 5);
		String longName = "n".repeat(5000);

		assertThat(Mailmap.parse(huge).entries()).hasSize(Mailmap.MAX_ENTRIES);
		assertThat(Mailmap.parse(longName + " <a@x.xx>").entries().get(0).properName()).hasSize(Mailmap.MAX_PART_BYTES);
	}

	@Test
	void neverKeepsANulCharacter() {
		assertThat(Mailmap.parse("A\0B <a\0b@x.xx>").entries()).containsExactly(entry("AB", null, null, "ab@x.xx"));
	}

	private static MailmapEntry entry(String properName, String properEmail, String commitName, String commitEmail) {
		return new MailmapEntry(properName, properEmail, commitName, commitEmail);
	}

}
