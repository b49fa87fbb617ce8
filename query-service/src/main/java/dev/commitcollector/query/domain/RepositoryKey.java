package dev.commitcollector.query.domain;

import java.util.regex.Pattern;

/**
 * A stored repository: the provider it came from and its path there ({@code owner/name},
 * or a nested group path).
 */
public record RepositoryKey(String provider, String path) {

	/** The provider a request means when it names none. */
	public static final String DEFAULT_PROVIDER = "github";

	private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){1,21}");

	private static final int MAX_PATH = 300;

	public RepositoryKey {
		if (provider == null || !PROVIDER.matcher(provider).matches()) {
			throw new InvalidRepositoryKey("provider must be a provider name such as '" + DEFAULT_PROVIDER
					+ "' (lowercase letters, digits, '-')");
		}
		if (path == null || path.isBlank()) {
			throw new InvalidRepositoryKey("repository is required, as owner/name (for example octocat/Hello-World)");
		}
		if (path.length() > MAX_PATH || !PATH.matcher(path).matches() || hasDotSegment(path)) {
			throw new InvalidRepositoryKey(
					"repository must be a path such as owner/name (letters, digits, '-', '_', '.'"
							+ " separated by '/', no part '.' or '..', at most " + MAX_PATH + " characters)");
		}
	}

	/** {@code foo..bar} is a name forges allow; {@code ..} is no name at all. */
	private static boolean hasDotSegment(String path) {
		for (String segment : path.split("/")) {
			if (segment.equals(".") || segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return provider + ":" + path;
	}

	/** Parameters that cannot name a stored repository. */
	public static final class InvalidRepositoryKey extends IllegalArgumentException {

		InvalidRepositoryKey(String message) {
			super(message);
		}

	}

}
