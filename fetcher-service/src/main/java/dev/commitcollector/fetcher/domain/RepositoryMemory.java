package dev.commitcollector.fetcher.domain;

/**
 * What earlier fetches of a repository found: the head they started from, how many
 * commits from that head they walked ({@code depth}), whether they reached the first
 * commit ({@code complete}), and the forge's validator of the head for a conditional
 * request.
 */
public record RepositoryMemory(String headSha, long depth, boolean complete, String etag) {

	/**
	 * True when what is known reaches back at least {@code limit} commits from the head.
	 */
	public boolean reaches(int limit) {
		return complete || depth >= limit;
	}

}
