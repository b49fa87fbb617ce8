package dev.commitcollector.fetcher.domain;

import java.util.regex.Pattern;

/**
 * A repository on a forge named as {@code owner/name}; on forges with nested groups
 * (GitLab) the owner is itself a path, {@code group/subgroup}. Validated once here so
 * that nothing built from it (URLs, event keys, log lines) can carry a scheme, a host,
 * {@code ..} or control characters.
 */
public record RepositoryPath(String owner, String name) {

	static final int MAX_LENGTH = 300;

	/** A GitLab project below a top-level group and 20 levels of subgroups. */
	static final int MAX_SEGMENTS = 22;

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

	public RepositoryPath {
		if (owner == null) {
			requireSegment(null, "owner");
		}
		for (String segment : owner.split("/", -1)) {
			requireSegment(segment, "owner");
		}
		requireSegment(name, "name");
	}

	/**
	 * Parses {@code owner/name}; throws {@link InvalidRepositoryPath} with a message a
	 * person can act on.
	 */
	public static RepositoryPath parse(String value) {
		return parse(value, 2);
	}

	/**
	 * Parses a path of 2 to {@code maxSegments} segments ({@code group/subgroup/project}
	 * where a forge nests groups); throws {@link InvalidRepositoryPath} with a message a
	 * person can act on.
	 */
	public static RepositoryPath parse(String value, int maxSegments) {
		if (maxSegments <= 2) {
			return parseOwnerAndName(value);
		}
		if (value == null || value.isBlank()) {
			throw new InvalidRepositoryPath("repository is required, as group/project or group/subgroup/project");
		}
		if (value.length() > MAX_LENGTH) {
			throw new InvalidRepositoryPath("repository is longer than " + MAX_LENGTH + " characters");
		}
		int cut = value.lastIndexOf('/');
		int segments = value.split("/", -1).length;
		if (cut <= 0 || segments > Math.min(maxSegments, MAX_SEGMENTS)) {
			throw new InvalidRepositoryPath("repository must be a path of 2 to " + Math.min(maxSegments, MAX_SEGMENTS)
					+ " segments such as group/subgroup/project, " + whatItIsNot(value) + ": " + printable(value));
		}
		return new RepositoryPath(value.substring(0, cut), value.substring(cut + 1));
	}

	/** What a path of the wrong shape is instead, as a person would correct it. */
	private static String whatItIsNot(String value) {
		if (value.contains("://") || value.startsWith("git@")) {
			return "not a URL";
		}
		if (value.indexOf('/') < 0) {
			return "with a '/' between its parts";
		}
		return "not a longer or shorter path";
	}

	private static RepositoryPath parseOwnerAndName(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidRepositoryPath("repository is required, as owner/name (for example octocat/Hello-World)");
		}
		if (value.length() > MAX_LENGTH) {
			throw new InvalidRepositoryPath("repository is longer than " + MAX_LENGTH + " characters");
		}
		String[] parts = value.split("/", -1);
		if (parts.length != 2) {
			throw new InvalidRepositoryPath("repository must be owner/name (for example octocat/Hello-World), "
					+ whatItIsNot(value) + ": " + printable(value));
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
