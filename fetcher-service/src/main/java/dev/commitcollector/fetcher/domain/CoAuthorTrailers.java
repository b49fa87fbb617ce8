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

	private static final Pattern PERSON = Pattern.compile("(.*?)\\s*<([^<>\\s]+)>\\s*", Pattern.DOTALL);

	private static final String KEY = "co-authored-by";

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
		List<String> trailers = new ArrayList<>();
		int trailerLines = 0;
		int otherLines = 0;
		boolean gitWritten = false;
		boolean inTrailer = false;
		for (String line : paragraph) {
			boolean continuation = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
			if (continuation && inTrailer) {
				int last = trailers.size() - 1;
				trailers.set(last, trailers.get(last) + " " + line.strip());
				trailerLines++;
			}
			else if (!continuation && TRAILER.matcher(line).matches()) {
				trailers.add(line);
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
		return block ? trailers : List.of();
	}

	/** {@code Name <email>}; null when there is no bracketed email. */
	private static CoAuthor person(String value) {
		Matcher person = PERSON.matcher(value.strip());
		if (!person.matches()) {
			return null;
		}
		String name = person.group(1).strip();
		CoAuthor coAuthor = new CoAuthor(name.isEmpty() ? null : name, person.group(2));
		return coAuthor.email().isBlank() ? null : coAuthor;
	}

}
