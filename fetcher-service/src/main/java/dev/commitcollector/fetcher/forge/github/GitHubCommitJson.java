package dev.commitcollector.fetcher.forge.github;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One item of {@code GET /repos/{owner}/{repo}/commits}: the git commit, and the GitHub
 * account the author email is linked to ({@code author}, null when it is not linked).
 * Gitea's items have this shape too.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitHubCommitJson(String sha, GitCommit commit, Account author, java.util.List<Parent> parents) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Parent(String sha) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record GitCommit(Person author, Person committer, String message) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Person(String name, String email, String date) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Account(String login) {
	}

}
