package dev.commitcollector.fetcher.forge.github;

import java.util.Arrays;
import java.util.List;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.forge.CommitItems;

/**
 * Turns GitHub-shaped commit items into domain commits: the git author and dates from
 * {@code commit}, the login from the linked account. Gitea and Forgejo answer in this
 * shape too.
 */
public final class GitHubCommits {

	private GitHubCommits() {
	}

	/** {@code forge} names the forge in messages. */
	public static List<DiscoveredCommit> toDomain(GitHubCommitJson[] items, String forge) {
		return CommitItems.toDomain(forge, items == null ? null : Arrays.asList(items), GitHubCommitJson::sha,
				GitHubCommits::toDomain);
	}

	private static DiscoveredCommit toDomain(GitHubCommitJson item) {
		if (item.commit() == null || item.commit().author() == null || item.commit().committer() == null) {
			throw new IllegalArgumentException("it has no commit author or committer");
		}
		GitHubCommitJson.Person author = item.commit().author();
		String login = item.author() == null ? null : item.author().login();
		return new DiscoveredCommit(item.sha(), new CommitAuthor(author.name(), author.email(), login),
				CommitItems.instant(author.date()), CommitItems.instant(item.commit().committer().date()),
				DiscoveredCommit.headlineOf(item.commit().message()),
				CommitItems.shas(item.parents(), GitHubCommitJson.Parent::sha));
	}

}
