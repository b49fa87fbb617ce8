package dev.commitcollector.fetcher.domain;

import java.util.regex.Pattern;

/**
 * A repository on a forge named as {@code owner/name}. Validated once here so that nothing built
 * from it (URLs, event keys, log lines) can carry a scheme, a host, {@code ..} or control characters.
 */
public record RepositoryPath(String owner, String name) {

	static final int MAX_LENGTH = 200;

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

	public RepositoryPath {
		requireSegment(owner, "owner");
		requireSegment(name, "name");
	}

	/** Parses {@code owner/name}; throws {@link InvalidRepositoryPath} with a message a person can act on. */
	public static RepositoryPath parse(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidRepositoryPath("repository is required, as owner/name (for example octocat/Hello-World)");
		}
		if (value.length() > MAX_LENGTH) {
			throw new InvalidRepositoryPath("repository is longer than " + MAX_LENGTH + " characters");
		}
		String[] parts = value.split("/", -1);
		if (parts.length != 2) {
			throw new InvalidRepositoryPath(
					"repository must be owner/name (for example octocat/Hello-World), not a URL or a longer path: "
							+ printable(value));
		}
		return new RepositoryPath(parts[0], parts[1]);
	}

	private static void requireSegment(String segment, String what) {
		if (segment == null || !SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
			throw new InvalidRepositoryPath("repository " + what
					+ " may contain only letters, digits, '-', '_' and '.', and must not be '.' or '..': "
					+ printable(String.valueOf(segment)));
		}
	}

	private static String printable(String value) {
		String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
		return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
	}

	@Override
	public String toString() {
		return owner + "/" + name;
	}

	/** A repository name that cannot name a repository on any forge. */
	public static final class InvalidRepositoryPath extends IllegalArgumentException {

		InvalidRepositoryPath(String message) {
			super(message);
		}

	}

}
