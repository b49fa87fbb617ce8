package dev.commitcollector.fetcher.forge.http;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import tools.jackson.databind.JsonNode;

/**
 * Turns GitHub-shaped commit items into domain commits: the git author and dates from
 * {@code commit}, the login from the linked account. GitHub, Gitea and Forgejo answer in
 * this shape.
 */
public final class GitHubShapedCommits {

	private GitHubShapedCommits() {
	}

	/**
	 * A listing's JSON array, item by item; {@code forge} names the forge in messages.
	 */
	public static CommitItems.Read toDomain(JsonNode items, String forge) {
		return CommitItems.toDomain(forge, items, GitHubShapedCommit.class, "sha", GitHubShapedCommits::toDomain);
	}

	private static DiscoveredCommit toDomain(GitHubShapedCommit item) {
		if (item.commit() == null || item.commit().author() == null || item.commit().committer() == null) {
			throw new IllegalArgumentException("it has no commit author or committer");
		}
		GitHubShapedCommit.Person author = item.commit().author();
		String login = item.author() == null ? null : item.author().login();
		return DiscoveredCommit.fromMessage(item.sha(), new CommitAuthor(author.name(), author.email(), login),
				CommitItems.instant(author.date()), CommitItems.instant(item.commit().committer().date()),
				item.commit().message(), CommitItems.shas(item.parents(), GitHubShapedCommit.Parent::sha));
	}

}
