package dev.commitcollector.query.domain;

import java.util.List;

/** One page of a repository's authors, most commits first. */
public record AuthorPage(StoredRepository repository, int page, int size, List<AuthorCommits> authors) {

	public long totalPages() {
		return (repository.authorCount() + size - 1) / size;
	}

}
