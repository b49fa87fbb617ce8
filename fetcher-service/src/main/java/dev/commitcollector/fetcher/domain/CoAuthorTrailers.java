package dev.commitcollector.fetcher.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Co-authored-by:} trailers of a commit message, by git's trailer rules
 * ({@code git interpret-trailers}): the trailer block is the message's last paragraph,
 * never its first (the subject); a line {@code Key: value} is a trailer (the key letters,
 * digits and {@code -}, matched case-insensitively, whitespace allowed before the colon);
 * a line that starts with whitespace continues the trailer above it. The paragraph is a
 * trailer block when all its lines are trailers, or, as git has it, when it holds a line
 * git writes itself ({@code Signed-off-by: }, {@code (cherry picked from commit }) and at
 * least a quarter of its lines are trailers. Unlike git, no trailer key is configured
 * here beyond those, and a {@code ---} line is not a patch divider (a commit message is
 * not a patch: GitHub's squash messages hold one). Each value is {@code Name <email>};
 * one without a bracketed email is ignored. Deduplicated by lowercased email, the first
 * kept, at most {@value #MAX} per commit.
 *
 * @see <a href="https://git-scm.com/docs/git-interpret-trailers">git
 * interpret-trailers</a>
 */
public final class CoAuthorTrailers {

	/** The most co-authors one commit carries. */
	public static final int MAX = 16;

	private static final Pattern TRAILER = Pattern.compile("([A-Za-z0-9-]+)[ \\t]*:(.*)", Pattern.DOTALL);

	private static final String KEY = "co-authored-by";

	/**
	 * The longest trailer, continuation lines included, in characters: a name and an
	 * email are bounded far below this; a longer trailer is dropped (the others of its
	 * block are kept).
	 */
	private static final int MAX_TRAILER = 4096;

	private static final List<String> GIT_WRITTEN = List.of("Signed-off-by: ", "(cherry picked from commit ");

	private CoAuthorTrailers() {
	}

	/** The co-authors {@code message} credits, in order; none for a null message. */
	public static List<CoAuthor> of(String message) {
		if (message == null) {
			return List.of();
		}
		Map<String, CoAuthor> byEmail = new LinkedHashMap<>();
		for (String trailer : trailers(lastParagraph(message))) {
			Matcher line = TRAILER.matcher(trailer);
			if (line.matches() && line.group(1).equalsIgnoreCase(KEY)) {
				CoAuthor coAuthor = person(line.group(2));
				if (coAuthor != null && byEmail.size() < MAX) {
					byEmail.putIfAbsent(coAuthor.email().toLowerCase(Locale.ROOT), coAuthor);
				}
			}
		}
		return List.copyOf(byEmail.values());
	}

	/**
	 * The lines of the message's last paragraph, when it is not its first; none
	 * otherwise.
	 */
	private static List<String> lastParagraph(String message) {
		String[] lines = message.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		int end = lines.length;
		while (end > 0 && lines[end - 1].isBlank()) {
			end--;
		}
		int start = end;
		while (start > 0 && !lines[start - 1].isBlank()) {
			start--;
		}
		boolean afterTheSubject = false;
		for (int i = 0; i < start; i++) {
			afterTheSubject |= !lines[i].isBlank();
		}
		return afterTheSubject ? List.of(lines).subList(start, end) : List.of();
	}

	/**
	 * The trailers of a paragraph, continuation lines unfolded into them; none when the
	 * paragraph is not a trailer block.
	 */
	private static List<String> trailers(List<String> paragraph) {
		List<StringBuilder> trailers = new ArrayList<>();
		int trailerLines = 0;
		int otherLines = 0;
		boolean gitWritten = false;
		boolean inTrailer = false;
		boolean dropped = false;
		for (String line : paragraph) {
			boolean continuation = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
			if (continuation && inTrailer) {
				StringBuilder last = trailers.get(trailers.size() - 1);
				dropped |= last.length() + line.length() >= MAX_TRAILER;
				if (dropped) {
					// too long to be a name and an email: this trailer is dropped, the
					// block stays one
					last.setLength(0);
				}
				else {
					last.append(' ').append(line.strip());
				}
				trailerLines++;
			}
			else if (!continuation && TRAILER.matcher(line.substring(0, Math.min(line.length(), 256))).matches()) {
				dropped = line.length() >= MAX_TRAILER;
				trailers.add(new StringBuilder(dropped ? "" : line));
				trailerLines++;
				inTrailer = true;
			}
			else {
				otherLines++;
				inTrailer = false;
			}
			gitWritten |= GIT_WRITTEN.stream().anyMatch(line::startsWith);
		}
		boolean block = trailerLines > 0 && (otherLines == 0 || (gitWritten && trailerLines * 3 >= otherLines));
		return block ? trailers.stream().map(StringBuilder::toString).toList() : List.of();
	}

	/**
	 * {@code Name <email>}: the email is the bracketed text the value ends with (no
	 * brackets or whitespace in it), the name what comes before it; null when there is no
	 * such email. Read by hand: a pattern with a lazy name before optional whitespace
	 * took time growing with the square of a run of spaces.
	 */
	private static CoAuthor person(String value) {
		String person = value.strip();
		int open = person.lastIndexOf('<');
		if (open < 0 || !person.endsWith(">") || open + 2 >= person.length()) {
			return null;
		}
		String email = person.substring(open + 1, person.length() - 1);
		for (int i = 0; i < email.length(); i++) {
			if (email.charAt(i) == '>' || Character.isWhitespace(email.charAt(i))) {
				return null;
			}
		}
		String name = person.substring(0, open).strip();
		CoAuthor coAuthor = new CoAuthor(name.isEmpty() ? null : name, email);
		return coAuthor.email().isBlank() ? null : coAuthor;
	}

}
