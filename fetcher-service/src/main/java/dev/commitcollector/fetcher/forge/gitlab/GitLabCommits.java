package dev.commitcollector.fetcher.forge.gitlab;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.forge.http.CommitItems;
import tools.jackson.databind.JsonNode;

/**
 * Turns GitLab's commit items into domain commits. GitLab links no account: the login is
 * always null.
 */
final class GitLabCommits {

	private GitLabCommits() {
	}

	static CommitItems.Read toDomain(JsonNode items) {
		return CommitItems.toDomain("GitLab", items, GitLabCommitJson.class, "id", GitLabCommits::toDomain);
	}

	private static DiscoveredCommit toDomain(GitLabCommitJson item) {
		String message = item.message() != null ? item.message() : item.title();
		return DiscoveredCommit.fromMessage(item.id(), new CommitAuthor(item.authorName(), item.authorEmail(), null),
				CommitItems.instant(item.authoredDate()), CommitItems.instant(item.committedDate()), message,
				CommitItems.shas(item.parentIds(), String::valueOf));
	}

}
