package dev.commitcollector.fetcher.domain;

import java.util.Locale;

/**
 * The kinds of forge an adapter exists for. A configured provider is an instance of one
 * of them.
 */
public enum ForgeType {

	GITHUB(2), GITLAB(22), BITBUCKET(2), GITEA(2), GIT(22);

	private final int maxPathSegments;

	ForgeType(int maxPathSegments) {
		this.maxPathSegments = maxPathSegments;
	}

	/**
	 * Parses a repository path by this forge's rules (nested groups where the forge has
	 * them).
	 */
	public RepositoryPath parsePath(String value) {
		return RepositoryPath.parse(value, maxPathSegments);
	}

	/**
	 * Whether the forge finds a repository whatever the letter case of its name: every
	 * forge's API does, plain git's paths (a server's file names) need not.
	 */
	public boolean namesIgnoreCase() {
		return this != GIT;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
