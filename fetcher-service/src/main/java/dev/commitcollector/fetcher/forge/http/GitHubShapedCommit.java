package dev.commitcollector.fetcher.forge.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One item of a GitHub-shaped commit listing ({@code GET /repos/{owner}/{repo}/commits}
 * on GitHub, Gitea and Forgejo): the git commit, and the account the author email is
 * linked to ({@code author}, null when it is not linked).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitHubShapedCommit(String sha, GitCommit commit, Account author, List<Parent> parents) {

	/** A parent, by sha. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Parent(String sha) {
	}

	/** The git commit itself. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record GitCommit(Person author, Person committer, String message) {
	}

	/** A git author or committer line. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Person(String name, String email, String date) {
	}

	/** The forge account an email is linked to. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Account(String login) {
	}

}
