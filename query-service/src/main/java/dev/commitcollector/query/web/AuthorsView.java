package dev.commitcollector.query.web;

import java.time.Instant;
import java.util.List;

import dev.commitcollector.query.domain.AuthorCommits;
import dev.commitcollector.query.domain.AuthorPage;

/** The JSON of {@code GET /api/v1/authors}. */
record AuthorsView(String provider, String repository, long totalCommits, long totalAuthors, Instant lastStoredAt,
		int page, int size, long totalPages, List<AuthorCommits> authors) {

	static AuthorsView of(AuthorPage page) {
		var repository = page.repository();
		return new AuthorsView(repository.key().provider(), repository.key().path(), repository.commitCount(),
				repository.authorCount(), repository.lastStoredAt(), page.page(), page.size(), page.totalPages(),
				page.authors());
	}

}
