package dev.commitcollector.store.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A repository's {@code .mailmap}, parsed the way git parses it (mailmap.c,
 * {@code read_mailmap_line}): a line starting with {@code #} is a comment; otherwise the
 * first {@code <...>} is an email, the text before it a name, and a second {@code <...>}
 * after it makes the first pair the proper one and the second the one committed. Names
 * are trimmed, an empty one is absent; emails are kept as written. A line without a first
 * non-empty email is ignored, as git ignores it, and so is anything after the second
 * email (a trailing {@code # comment}). Entries keep their order: for the same commit
 * identity a later line wins, as in git.
 * <p>
 * Bounded for untrusted input: at most {@value #MAX_ENTRIES} entries, each part at most
 * {@value #MAX_PART_BYTES} UTF-8 bytes.
 */
public record Mailmap(List<MailmapEntry> entries) {

	public static final int MAX_ENTRIES = 20_000;

	public static final int MAX_PART_BYTES = 1024;

	public Mailmap {
		entries = List.copyOf(entries);
	}

	public static Mailmap parse(String text) {
		List<MailmapEntry> entries = new ArrayList<>();
		if (text == null) {
			return new Mailmap(entries);
		}
		for (String line : text.split("\n", -1)) {
			if (entries.size() == MAX_ENTRIES) {
				break;
			}
			MailmapEntry entry = entryOf(line);
			if (entry != null) {
				entries.add(entry);
			}
		}
		return new Mailmap(entries);
	}

	private static MailmapEntry entryOf(String line) {
		if (line.startsWith("#")) {
			return null;
		}
		Pair first = Pair.at(line, 0, false);
		if (first == null) {
			return null;
		}
		Pair second = Pair.at(line, first.end(), true);
		if (second == null) {
			return new MailmapEntry(bounded(first.name()), null, null, bounded(first.email()));
		}
		return new MailmapEntry(bounded(first.name()), bounded(first.email()), bounded(second.name()),
				bounded(second.email()));
	}

	private static String bounded(String text) {
		return BoundedText.of(text, MAX_PART_BYTES);
	}

	/** A name (or none) and the email in the {@code <>} after it; where the pair ends. */
	private record Pair(String name, String email, int end) {

		static Pair at(String line, int from, boolean allowEmptyEmail) {
			int left = line.indexOf('<', from);
			int right = left < 0 ? -1 : line.indexOf('>', left + 1);
			if (right < 0 || (!allowEmptyEmail && right == left + 1)) {
				return null;
			}
			String name = strip(line.substring(from, left));
			return new Pair(name.isEmpty() ? null : name, line.substring(left + 1, right), right + 1);
		}

		/** C's isspace in the C locale, as git trims. */
		private static String strip(String text) {
			int start = 0;
			int end = text.length();
			while (start < end && isSpace(text.charAt(start))) {
				start++;
			}
			while (end > start && isSpace(text.charAt(end - 1))) {
				end--;
			}
			return text.substring(start, end);
		}

		private static boolean isSpace(char c) {
			return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
		}

	}

}
