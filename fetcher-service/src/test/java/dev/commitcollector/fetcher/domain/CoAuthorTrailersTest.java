package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CoAuthorTrailersTest {

	static Stream<Arguments> messages() {
		return Stream.of(
				// the form GitHub documents for commits with several authors
				row("two trailers", """
						Refactor the parser

						Pairing session.

						Co-authored-by: Ada Lovelace <ada@example.org>
						Co-authored-by: Grace Hopper <grace@example.org>
						""", "Ada Lovelace <ada@example.org>", "Grace Hopper <grace@example.org>"),
				row("after a Signed-off-by, with other trailers mixed in", """
						net: fix a leak

						Signed-off-by: Linus T <linus@example.org>
						Reviewed-by: Greg <greg@example.org>
						Co-authored-by: Ada <ada@example.org>
						""", "Ada <ada@example.org>"), row("a folded trailer", """
						Long names

						Co-authored-by: Maria José da Silva
						  <mjs@example.org>
						Co-authored-by: Bob <bob@example.org>
						""", "Maria José da Silva <mjs@example.org>", "Bob <bob@example.org>"),
				row("a lookalike in the middle of the body is not a trailer", """
						Explain the format

						Write it as
						Co-authored-by: Someone <someone@example.org>
						in the last paragraph.

						Fixes: #12
						"""), row("a lookalike in a body paragraph followed by prose is not a trailer", """
						Explain the format

						Co-authored-by: Someone <someone@example.org>

						Thanks everyone.
						"""), row("unicode names", """
						Internationalise

						Co-authored-by: Zoë Ångström <zoe@example.org>
						Co-authored-by: 李小龙 <li@example.org>
						Co-authored-by: Ελένη 🚀 <eleni@example.org>
						""", "Zoë Ångström <zoe@example.org>", "李小龙 <li@example.org>", "Ελένη 🚀 <eleni@example.org>"),
				// GitHub's squash merge: the squashed commits' messages, a rule, then the
				// trailers
				row("a GitHub squash merge", """
						Add caching (#1234)

						* Add a cache

						* Apply suggestions from code review

						Co-authored-by: Reviewer <reviewer@example.org>

						* Tidy up

						---------

						Co-authored-by: Reviewer <reviewer@example.org>
						Co-authored-by: octocat <583231+octocat@users.noreply.github.com>
						""", "Reviewer <reviewer@example.org>", "octocat <583231+octocat@users.noreply.github.com>"),
				row("a lowercase key, whitespace before the colon", """
						Fix

						co-authored-by: Ada <ada@example.org>
						CO-AUTHORED-BY : Bob <bob@example.org>
						""", "Ada <ada@example.org>", "Bob <bob@example.org>"),
				row("a trailer with no email is ignored, the others kept", """
						Fix

						Co-authored-by: Just A Name
						Co-authored-by: Ada <>
						Co-authored-by: Bob <bob@example.org>
						""", "Bob <bob@example.org>"),
				row("CRLF line ends",
						"Fix\r\n\r\nSigned-off-by: A <a@example.org>\r\nCo-authored-by: Ada <ada@example.org>\r\n",
						"Ada <ada@example.org>"),
				row("the subject alone is not a trailer block", "Co-authored-by: Ada <ada@example.org>\n"),
				row("the same email twice, differently cased, counts once, the first kept", """
						Fix

						Co-authored-by: Ada <Ada@Example.org>
						Co-authored-by: Ada L. <ada@example.org>
						""", "Ada <Ada@Example.org>"), row("an email only", """
						Fix

						Co-authored-by: <ada@example.org>
						""", "<ada@example.org>"),
				// git's rule: a block with a line git writes needs a quarter of trailers
				row("prose in a block git signed off counts within a quarter", """
						Fix

						Discussed at length with the team
						Signed-off-by: A <a@example.org>
						Co-authored-by: Ada <ada@example.org>
						""", "Ada <ada@example.org>"),
				row("prose in a block nobody signed off is not a trailer block", """
						Fix

						Discussed at length with the team
						Co-authored-by: Ada <ada@example.org>
						"""), row("trailing blank lines", "Fix\n\nCo-authored-by: Ada <ada@example.org>\n\n\n  \n",
						"Ada <ada@example.org>"),
				row("no message", null), row("an empty message", ""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("messages")
	void readsTheCoAuthoredByTrailersOfTheLastParagraph(String description, String message, List<String> expected) {
		assertThat(CoAuthorTrailers.of(message)).extracting(CoAuthorTrailersTest::written)
			.containsExactlyElementsOf(expected);
	}

	/**
	 * Hostile messages a forge may hold, each a few megabytes: read in time linear in
	 * their length. The timeout only keeps a regression from hanging the build (the
	 * quadratic reading this replaced took hours on the first).
	 */
	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void readsMessagesOfMegabytesOfSpacesAndFoldedLinesInTimeLinearInTheirLength() {
		String spaces = "Subject\n\nCo-authored-by: a" + " ".repeat(2_000_000) + "b <b@example.org>";
		String folded = "Subject\n\nCo-authored-by: Ada" + "\n x".repeat(1_000_000) + "\n <ada@example.org>";
		String brackets = "Subject\n\nCo-authored-by: " + "<".repeat(2_000_000) + "a@example.org>";

		String beside = "\nCo-authored-by: Grace <grace@example.org>";
		assertThat(CoAuthorTrailers.of(spaces + beside)).containsExactly(new CoAuthor("Grace", "grace@example.org"));
		assertThat(CoAuthorTrailers.of(folded + beside)).containsExactly(new CoAuthor("Grace", "grace@example.org"));
		assertThat(CoAuthorTrailers.of(brackets + beside)).containsExactly(new CoAuthor("Grace", "grace@example.org"));
		assertThat(CoAuthorTrailers.of("Subject\n\nCo-authored-by: Ada" + " ".repeat(1000) + "<ada@example.org>"))
			.containsExactly(new CoAuthor("Ada", "ada@example.org"));
	}

	@Test
	void keepsAtMostSixteenCoAuthors() {
		String trailers = IntStream.range(0, 20)
			.mapToObj(i -> "Co-authored-by: P" + i + " <p" + i + "@example.org>")
			.collect(Collectors.joining("\n"));

		List<CoAuthor> coAuthors = CoAuthorTrailers.of("Mob session\n\n" + trailers);

		assertThat(coAuthors).hasSize(CoAuthorTrailers.MAX);
		assertThat(coAuthors.get(15).email()).isEqualTo("p15@example.org");
	}

	@Test
	void cleansAndBoundsNamesAndEmailsLikeTheAuthors() {
		String huge = "李".repeat(400);

		List<CoAuthor> coAuthors = CoAuthorTrailers
			.of("Fix\n\nCo-authored-by: Ada\u0007 \u0000Lovelace <ada@example.org>\nCo-authored-by: " + huge + " <"
					+ "x".repeat(600) + ">");

		assertThat(coAuthors.get(0).name()).isEqualTo("Ada  Lovelace");
		assertThat(coAuthors.get(1).name().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(512);
		assertThat(coAuthors.get(1).email()).hasSize(512);
	}

	@Test
	void aCommitKeepsItsHeadlineAndCoAuthorsButNotItsMessage() {
		DiscoveredCommit commit = DiscoveredCommit.fromMessage("a".repeat(40),
				new CommitAuthor("Ada", "ada@example.org", null), Instant.EPOCH, Instant.EPOCH,
				"Fix it\n\n" + "body ".repeat(10_000) + "\n\nCo-authored-by: Bob <bob@example.org>", List.of());

		assertThat(commit.messageHeadline()).isEqualTo("Fix it");
		assertThat(commit.coAuthors()).containsExactly(new CoAuthor("Bob", "bob@example.org"));
		assertThat(commit.toString()).doesNotContain("body body");
	}

	private static Arguments row(String description, String message, String... expected) {
		return Arguments.of(description, message, List.of(expected));
	}

	private static String written(CoAuthor coAuthor) {
		return (coAuthor.name() == null ? "" : coAuthor.name() + " ") + "<" + coAuthor.email() + ">";
	}

}
