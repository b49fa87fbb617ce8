package dev.commitcollector.query.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.commitcollector.query.domain.AuthorSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

class AuthorArraysTest {

	private static final Instant NOON = Instant.parse("2024-05-01T12:00:00Z");

	@Test
	void handsEachAuthorTheirOwnRunOfTheNamesAndEmailsLaidEndToEnd() {
		AuthorArrays page = page(new Long[] { 3L, 2L, 2L }, new Integer[] { 2, 0, 1 },
				new String[] { "Ada", "A. L.", "Carol" }, new Integer[] { 1, 1, 0 },
				new String[] { "ada@example.org", "bob@example.org" });

		assertThat(page.summaries()).extracting(AuthorSummary::key, AuthorSummary::names, AuthorSummary::emails)
			.containsExactly(tuple("a", list("Ada", "A. L."), list("ada@example.org")),
					tuple("b", list(), list("bob@example.org")), tuple("c", list("Carol"), list()));
	}

	@Test
	void refusesAPageWhoseAuthorsCameWithMoreCommitsAfterFewer() {
		AuthorArrays page = page(new Long[] { 2L, 3L, 1L }, new Integer[] { 0, 0, 0 }, new String[0],
				new Integer[] { 0, 0, 0 }, new String[0]);

		assertThatIllegalStateException().isThrownBy(page::summaries).withMessageContaining("order");
	}

	@Test
	void refusesAPageWhoseCountsLeaveNamesOver() {
		AuthorArrays page = page(new Long[] { 3L, 2L, 1L }, new Integer[] { 1, 0, 0 }, new String[] { "Ada", "Bob" },
				new Integer[] { 0, 0, 0 }, new String[0]);

		assertThatIllegalStateException().isThrownBy(page::summaries).withMessageContaining("2");
	}

	@Test
	void refusesAPageWhoseCountsRunPastItsEmails() {
		AuthorArrays page = page(new Long[] { 3L, 2L, 1L }, new Integer[] { 0, 0, 0 }, new String[0],
				new Integer[] { 1, 1, 1 }, new String[] { "ada@example.org" });

		assertThatIllegalStateException().isThrownBy(page::summaries);
	}

	/** Authors a, b, c... with these counts, no login, no co-authored commits. */
	private static AuthorArrays page(Long[] commitCounts, Integer[] nameCounts, String[] names, Integer[] emailCounts,
			String[] emails) {
		int n = commitCounts.length;
		String[] keys = new String[n];
		Instant[] lastAuthored = new Instant[n];
		Long[] coAuthored = new Long[n];
		for (int i = 0; i < n; i++) {
			keys[i] = String.valueOf((char) ('a' + i));
			lastAuthored[i] = NOON;
			coAuthored[i] = 0L;
		}
		return new AuthorArrays(keys, new String[n], commitCounts, lastAuthored, coAuthored, nameCounts, names,
				emailCounts, emails);
	}

	private static List<String> list(String... values) {
		return Arrays.asList(values);
	}

}
