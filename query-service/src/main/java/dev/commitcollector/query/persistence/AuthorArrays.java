package dev.commitcollector.query.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.commitcollector.query.domain.AuthorSummary;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

/**
 * A page of authors as the authors statement returns it: one array per column, in the
 * page's order. Each author has any number of names and emails, which no rectangular
 * array holds, so all the page's names are laid end to end in one array with a count per
 * author, and so are the emails. Values are never joined with a separator: a name can
 * hold any character.
 */
record AuthorArrays(String[] keys, @Nullable String[] logins, Long[] commitCounts, Instant[] lastAuthoredAt,
		Long[] coAuthoredCounts, Integer[] nameCounts, @Nullable String[] names, Integer[] emailCounts,
		@Nullable String[] emails) {

	private static final AuthorArrays NONE = new AuthorArrays(new String[0], new String[0], new Long[0], new Instant[0],
			new Long[0], new Integer[0], new String[0], new Integer[0], new String[0]);

	/**
	 * The arrays from {@code first} on, in the order of the statement's columns; the
	 * page's arrays are null when no author matched.
	 */
	static AuthorArrays read(Readable row, int first) {
		String[] keys = row.get(first, String[].class);
		if (keys == null) {
			return NONE;
		}
		return new AuthorArrays(keys, row.get(first + 1, String[].class), row.get(first + 2, Long[].class),
				row.get(first + 3, Instant[].class), row.get(first + 4, Long[].class),
				row.get(first + 5, Integer[].class), row.get(first + 6, String[].class),
				row.get(first + 7, Integer[].class), row.get(first + 8, String[].class));
	}

	/**
	 * The authors in the order they came, which is the page's order as long as PostgreSQL
	 * aggregates the sorted page in its order. Java cannot sort the keys as the
	 * database's collation does, so what it can decide is checked (most commits first,
	 * each author's names and emails accounted for) and a page that fails it is refused
	 * rather than served out of order: a keyset cursor taken from it could skip authors.
	 */
	List<AuthorSummary> summaries() {
		List<AuthorSummary> authors = new ArrayList<>(keys.length);
		int name = 0;
		int email = 0;
		for (int i = 0; i < keys.length; i++) {
			if (i > 0 && commitCounts[i - 1] < commitCounts[i]) {
				throw new IllegalStateException("the authors page came out of its order: " + commitCounts[i - 1]
						+ " commits before " + commitCounts[i]);
			}
			List<String> theirNames = slice(names, name, nameCounts[i]);
			List<String> theirEmails = slice(emails, email, emailCounts[i]);
			name += nameCounts[i];
			email += emailCounts[i];
			authors.add(new AuthorSummary(keys[i], logins[i], theirNames, theirEmails, commitCounts[i],
					lastAuthoredAt[i], coAuthoredCounts[i]));
		}
		if (name != names.length || email != emails.length) {
			throw new IllegalStateException("the authors page's counts name " + name + " names and " + email
					+ " emails, its arrays hold " + names.length + " and " + emails.length);
		}
		return authors;
	}

	/** A copy, so that no author's list holds the whole page's array. */
	private static List<String> slice(@Nullable String[] values, int from, int count) {
		if (from + count > values.length) {
			throw new IllegalStateException(
					"the authors page's counts run past its " + values.length + " names or emails");
		}
		return Arrays.asList(Arrays.copyOfRange(values, from, from + count));
	}

}
