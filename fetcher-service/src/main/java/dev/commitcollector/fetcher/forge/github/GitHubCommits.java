package dev.commitcollector.fetcher.forge.github;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;

/**
 * Turns GitHub-shaped commit items into domain commits, refusing any item it would have to make up.
 * Gitea and Forgejo answer in this shape too.
 */
public final class GitHubCommits {

	private GitHubCommits() {
	}

	/** {@code forge} names the forge in messages. */
	public static List<DiscoveredCommit> toDomain(GitHubCommitJson[] items, String forge) {
		if (items == null) {
			throw new ForgeFailure.MalformedAnswer(forge + " answered with an empty body where a commit list was expected");
		}
		return Arrays.stream(items).map(item -> toDomain(item, forge)).toList();
	}

	static DiscoveredCommit toDomain(GitHubCommitJson item, String forge) {
		if (item == null || item.commit() == null || item.commit().author() == null
				|| item.commit().committer() == null) {
			throw malformed(item, forge, "has no commit author or committer");
		}
		GitHubCommitJson.Person author = item.commit().author();
		String login = item.author() == null ? null : item.author().login();
		try {
			return new DiscoveredCommit(item.sha(), new CommitAuthor(author.name(), author.email(), login),
					instant(author.date()), instant(item.commit().committer().date()),
					DiscoveredCommit.headlineOf(item.commit().message()), parents(item));
		}
		catch (IllegalArgumentException | NullPointerException | DateTimeParseException ex) {
			throw malformed(item, forge, "is incomplete: " + ex.getMessage());
		}
	}

	private static List<String> parents(GitHubCommitJson item) {
		return item.parents() == null ? List.of()
				: item.parents().stream().filter(p -> p != null && p.sha() != null).map(p -> p.sha()).toList();
	}

	private static Instant instant(String date) {
		if (date == null) {
			throw new IllegalArgumentException("a date is missing");
		}
		return OffsetDateTime.parse(date).toInstant();
	}

	private static ForgeFailure.MalformedAnswer malformed(GitHubCommitJson item, String forge, String problem) {
		String sha = item == null ? "null" : String.valueOf(item.sha());
		return new ForgeFailure.MalformedAnswer(forge + " answered with a commit (" + sha + ") that " + problem);
	}

}
