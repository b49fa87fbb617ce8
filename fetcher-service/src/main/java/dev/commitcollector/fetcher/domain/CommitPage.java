package dev.commitcollector.fetcher.domain;

import java.util.List;
import java.util.Optional;

/**
 * One page of a repository's history, newest first, and where the next page is if there
 * is one. A first page may carry the forge's validator ({@code etag}) for a conditional
 * request next time, or say that nothing changed since that validator
 * ({@code notModified}: no commits then). {@code unreadable} counts the items of the page
 * that could not be made commits (no sha, no dates, no author): they are set aside, and
 * the page holds the others.
 */
public record CommitPage(List<DiscoveredCommit> commits, Optional<PageCursor> next, String etag, boolean notModified,
		int unreadable) {

	public CommitPage {
		commits = List.copyOf(commits);
	}

	public CommitPage(List<DiscoveredCommit> commits, Optional<PageCursor> next, String etag, boolean notModified) {
		this(commits, next, etag, notModified, 0);
	}

	public CommitPage(List<DiscoveredCommit> commits, Optional<PageCursor> next) {
		this(commits, next, null, false);
	}

	/** {@code commits}, with {@code unreadable} items set aside. */
	public CommitPage(List<DiscoveredCommit> commits, int unreadable, Optional<PageCursor> next) {
		this(commits, next, null, false, unreadable);
	}

	public static CommitPage empty() {
		return new CommitPage(List.of(), Optional.empty());
	}

	/**
	 * The forge said the repository's head is what it was when it handed out
	 * {@code etag}.
	 */
	public static CommitPage notModified(String etag) {
		return new CommitPage(List.of(), Optional.empty(), etag, true);
	}

	/** The same commits, the next page elsewhere. */
	public CommitPage withNext(Optional<PageCursor> next) {
		return new CommitPage(commits, next, etag, notModified, unreadable);
	}

	public CommitPage withEtag(String etag) {
		return new CommitPage(commits, next, etag, notModified, unreadable);
	}

	/**
	 * Where a forge said the next page is. Opaque to everyone but the forge adapter that
	 * made it.
	 */
	public record PageCursor(String value) {
	}

}
