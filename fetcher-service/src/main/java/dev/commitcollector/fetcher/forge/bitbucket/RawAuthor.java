package dev.commitcollector.fetcher.forge.bitbucket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Git's author line as Bitbucket gives it in {@code author.raw}: {@code Name <email>}.
 * Read forgivingly: only an email ({@code <email>}), only a name, spaces around either,
 * angle brackets inside the name (the email is the last bracketed part), an unclosed
 * bracket. What is missing is null, never made up.
 */
record RawAuthor(String name, String email) {

	/** A name, then the last {@code <...>}, closed or not, at the end. */
	private static final Pattern NAME_EMAIL = Pattern.compile("(?s)(.*)<([^<>]*)>?\\s*");

	static RawAuthor parse(String raw) {
		if (raw == null || raw.isBlank()) {
			return new RawAuthor(null, null);
		}
		Matcher matcher = NAME_EMAIL.matcher(raw);
		if (!matcher.matches()) {
			return new RawAuthor(orNull(raw), null);
		}
		return new RawAuthor(orNull(matcher.group(1)), orNull(matcher.group(2)));
	}

	private static String orNull(String value) {
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
