package dev.commitcollector.fetcher.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One commit as a forge reported it. The author date survives rebases; the committer date
 * does not. The headline is cleaned and bounded by {@link ForgeText}. Of the message only
 * the headline and the co-authors its trailers credit are kept, so a page of commits
 * stays small whatever their messages hold.
 */
public record DiscoveredCommit(String sha, CommitAuthor author, Instant authoredAt, Instant committedAt,
		String messageHeadline, List<String> parents, List<CoAuthor> coAuthors) {

	private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	public DiscoveredCommit {
		if (sha == null || !SHA.matcher(sha).matches()) {
			throw new IllegalArgumentException("not a commit sha: " + sha);
		}
		if (sha.chars().allMatch(c -> c == '0')) {
			throw new IllegalArgumentException("the null sha names no commit: " + sha);
		}
		Objects.requireNonNull(author, "author");
		requireStorable(authoredAt, "authoredAt");
		requireStorable(committedAt, "committedAt");
		parents = parents == null ? List.of() : List.copyOf(parents);
		coAuthors = coAuthors == null ? List.of()
				: List.copyOf(coAuthors.subList(0, Math.min(coAuthors.size(), CoAuthorTrailers.MAX)));
		messageHeadline = ForgeText.clean(messageHeadline, ForgeText.MAX_HEADLINE_BYTES);
	}

	/**
	 * A date the store can hold: years 1 to 9999, as the event's schema says. A commit
	 * dated outside them is one its forge cannot have meant, and is not published.
	 */
	private static void requireStorable(Instant date, String name) {
		Objects.requireNonNull(date, name);
		if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
			throw new IllegalArgumentException(name + " " + date + " is outside the years 1 to 9999");
		}
	}

	/** A commit that credits no co-author. */
	public DiscoveredCommit(String sha, CommitAuthor author, Instant authoredAt, Instant committedAt,
			String messageHeadline, List<String> parents) {
		this(sha, author, authoredAt, committedAt, messageHeadline, parents, List.of());
	}

	/**
	 * A commit read from its whole {@code message}: its headline and its
	 * {@code Co-authored-by} trailers are kept, the rest is not.
	 */
	public static DiscoveredCommit fromMessage(String sha, CommitAuthor author, Instant authoredAt, Instant committedAt,
			String message, List<String> parents) {
		return new DiscoveredCommit(sha, author, authoredAt, committedAt, headlineOf(message), parents,
				CoAuthorTrailers.of(message));
	}

	/** A commit whose parents the forge did not report. */
	public DiscoveredCommit(String sha, CommitAuthor author, Instant authoredAt, Instant committedAt,
			String messageHeadline) {
		this(sha, author, authoredAt, committedAt, messageHeadline, List.of());
	}

	/**
	 * The first line of a commit message that is not blank, or {@code null} for none.
	 * Blank lines before it are skipped as git skips them for a subject ({@code %s}):
	 * some converted histories have messages that begin with a newline.
	 */
	public static String headlineOf(String message) {
		if (message == null || message.isBlank()) {
			return null;
		}
		String text = message.stripLeading();
		int end = text.indexOf('\n');
		String line = (end < 0 ? text : text.substring(0, end)).strip();
		if (line.length() <= 500) {
			return line;
		}
		// never cut between the two halves of a surrogate pair (an emoji): a lone half is
		// not valid UTF-8
		int cut = Character.isHighSurrogate(line.charAt(499)) ? 499 : 500;
		return line.substring(0, cut);
	}

}
