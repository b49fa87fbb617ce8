package dev.commitcollector.query.web;

import java.time.Instant;
import java.util.List;

import dev.commitcollector.query.domain.AuthorCommits;
import dev.commitcollector.query.domain.AuthorPage;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON of {@code GET /api/v1/authors}. */
@Schema(description = "A page of a repository's authors, each with all of their commits.")
record AuthorsView(@Schema(description = "The provider.", example = "github") String provider,
		@Schema(description = "The repository.", example = "octocat/Hello-World") String repository,
		@Schema(description = "The repository's commits.") long totalCommits,
		@Schema(description = "The repository's authors.") long totalAuthors,
		@Schema(description = "When commits of it were last stored.") Instant lastStoredAt,
		@Schema(description = "This page, from 0.") int page, @Schema(description = "Authors per page.") int size,
		@Schema(description = "Pages of authors in all.") long totalPages,
		@Schema(description = "The authors of this page, most commits first, each with their commits newest "
				+ "first.") List<AuthorCommits> authors) {

	static AuthorsView of(AuthorPage page) {
		var repository = page.repository();
		return new AuthorsView(repository.key().provider(), repository.key().path(), repository.commitCount(),
				repository.authorCount(), repository.lastStoredAt(), page.page(), page.size(), page.totalPages(),
				page.authors());
	}

}
