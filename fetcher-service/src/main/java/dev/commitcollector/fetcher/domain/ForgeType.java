package dev.commitcollector.fetcher.domain;

import java.util.Locale;

/**
 * The kinds of forge an adapter exists for. A configured provider is an instance of one
 * of them.
 */
public enum ForgeType {

	GITHUB(2), GITLAB(22), BITBUCKET(2), GITEA(2), GIT(22);

	private static final String GIT_SUFFIX = ".git";

	private final int maxPathSegments;

	ForgeType(int maxPathSegments) {
		this.maxPathSegments = maxPathSegments;
	}

	/**
	 * Parses a repository path by this forge's rules (nested groups where the forge has
	 * them). A forge's repository name never ends in {@code .git} (GitHub removes the
	 * suffix from a new repository's name, GitLab and Gitea refuse it, their clone URLs
	 * add it): {@code owner/name.git}, as copied from a clone URL, is {@code owner/name},
	 * one repository, not a second one. Plain git's remote is the path with {@code .git}
	 * added ({@code name.git}, the usual bare repository's directory), so a path that
	 * ends in {@code .git} already names the same directory: it too is read without the
	 * suffix, which there is matched as file names are, letter case and all.
	 */
	public RepositoryPath parsePath(String value) {
		RepositoryPath path = RepositoryPath.parse(value, maxPathSegments);
		String name = path.name();
		boolean cloneSuffix = name.length() > GIT_SUFFIX.length() && name.regionMatches(this != GIT,
				name.length() - GIT_SUFFIX.length(), GIT_SUFFIX, 0, GIT_SUFFIX.length());
		if (!cloneSuffix) {
			return path;
		}
		return new RepositoryPath(path.owner(), name.substring(0, name.length() - GIT_SUFFIX.length()));
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
