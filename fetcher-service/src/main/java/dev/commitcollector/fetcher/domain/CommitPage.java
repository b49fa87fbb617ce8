package dev.commitcollector.fetcher.domain;

import java.util.List;
import java.util.Optional;

/** One page of a repository's history, newest first, and where the next page is if there is one. */
public record CommitPage(List<DiscoveredCommit> commits, Optional<PageCursor> next) {

	public CommitPage {
		commits = List.copyOf(commits);
	}

	public static CommitPage empty() {
		return new CommitPage(List.of(), Optional.empty());
	}

	/** Where a forge said the next page is. Opaque to everyone but the forge adapter that made it. */
	public record PageCursor(String value) {
	}

}
