package dev.commitcollector.query.web;

import java.time.Instant;
import java.util.List;

import dev.commitcollector.query.domain.AuthorCommits;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON of {@code GET /api/v1/authors}, as {@link AuthorsJson} streams it. */
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
}
