package dev.commitcollector.query.web;

import java.time.Instant;
import java.util.List;

import dev.commitcollector.query.domain.MailmapRead;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.StoredRepository;
import dev.commitcollector.query.persistence.AuthorsReadModel;
import dev.commitcollector.query.persistence.KeysetReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The repositories stored, and one repository's summary. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "repositories", description = "The repositories the store holds commits of.")
class RepositoriesController {

	private final KeysetReadModel keyset;

	private final AuthorsReadModel readModel;

	RepositoriesController(KeysetReadModel keyset, AuthorsReadModel readModel) {
		this.keyset = keyset;
		this.readModel = readModel;
	}

	/**
	 * Stored repositories by provider and path, keyset-paginated: pass {@code next} as
	 * {@code after}.
	 */
	@GetMapping("/repositories")
	@Operation(summary = "List the stored repositories, by provider then name",
			description = "Keyset pages: pass a page's `next` as `after` for the following page, until `next` is "
					+ "null. Each repository with its commit and author counts and when commits were last stored.")
	@ApiResponse(responseCode = "200", description = "A page of stored repositories.")
	@ApiResponse(responseCode = "400", description = "A size out of range or an `after` that is not a cursor.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "size", value = QueryOpenApi.BAD_REPOSITORIES_SIZE),
							@ExampleObject(name = "after", value = QueryOpenApi.BAD_CURSOR) }))
	Mono<RepositoryList> repositories(
			@Parameter(description = "Repositories per page.",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "500",
							defaultValue = "50")) @RequestParam(required = false) Integer size,
			@Parameter(description = QueryOpenApi.AFTER,
					schema = @Schema(type = "string", maxLength = 2048)) @RequestParam(required = false) String after) {
		return keyset.repositories(after, Sizes.within(size, 50, 500, "repositories page"))
			.map(slice -> new RepositoryList(slice.items().stream().map(RepositoryView::of).toList(), slice.next()));
	}

	/**
	 * One stored repository: its commit and author counts and when commits were last
	 * stored.
	 */
	@GetMapping("/repository")
	@Operation(summary = "Show one stored repository",
			description = "Its commit and author counts and when commits of it were last stored.")
	@ApiResponse(responseCode = "200", description = "The repository.")
	@ApiResponse(responseCode = "400", description = "A malformed provider or a missing or malformed repository.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "provider", value = QueryOpenApi.BAD_PROVIDER),
							@ExampleObject(name = "repository", value = QueryOpenApi.MISSING_REPOSITORY) }))
	@ApiResponse(responseCode = "404", description = "No commit of that repository is stored.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = @ExampleObject(name = "not stored", value = QueryOpenApi.NOT_STORED)))
	Mono<RepositoryView> repository(
			@Parameter(description = QueryOpenApi.PROVIDER,
					schema = @Schema(type = "string", pattern = QueryOpenApi.PROVIDER_PATTERN, maxLength = 40,
							defaultValue = "github")) @RequestParam(
									defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@Parameter(description = QueryOpenApi.REPOSITORY, required = true,
					schema = @Schema(type = "string", pattern = QueryOpenApi.REPOSITORY_PATTERN, maxLength = 300,
							example = "octocat/Hello-World")) @RequestParam(required = false) String repository) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		return readModel.repository(key)
			.switchIfEmpty(Mono.error(() -> new RepositoryNotStored(key)))
			.map(RepositoryView::of);
	}

	@Schema(description = "A page of stored repositories, by provider then name.")
	record RepositoryList(@Schema(description = "The repositories of this page.") List<RepositoryView> repositories,
			@Schema(description = "The `after` cursor of the next page; null on the last.") String next) {
	}

	@Schema(description = "A stored repository.")
	record RepositoryView(
			@Schema(description = "The provider it was fetched from.", example = "github") String provider,
			@Schema(description = "Its path on the forge.", example = "octocat/Hello-World") String repository,
			@Schema(description = "Commits stored.") long commitCount,
			@Schema(description = "Distinct authors of those commits.") long authorCount,
			@Schema(description = "When commits of it were last stored.") Instant lastStoredAt,
			@Schema(description = "The last read of its `.mailmap`, which the merged view (`identities=merged`) "
					+ "folds identities by; null when none was read yet (the fetcher reads it with a fetch), and "
					+ "then only forges' noreply addresses merge identities.", nullable = true) MailmapView mailmap) {

		static RepositoryView of(StoredRepository stored) {
			MailmapRead read = stored.mailmap();
			return new RepositoryView(stored.key().provider(), stored.key().path(), stored.commitCount(),
					stored.authorCount(), stored.lastStoredAt(), read == null ? null : new MailmapView(read.present(),
							read.entries(), read.truncated(), read.sha(), read.readAt()));
		}

	}

	@Schema(description = "The last read of a repository's `.mailmap`.")
	record MailmapView(@Schema(description = "Whether the repository had a `.mailmap` at its head.") boolean present,
			@Schema(description = "The entries it gave (lines that map an identity).") int entries,
			@Schema(description = "Whether the file was longer than the fetcher reads, and only its first "
					+ "entries are applied.") boolean truncated,
			@Schema(description = "The commit it was read at; null where the forge did not say.",
					nullable = true) String sha,
			@Schema(description = "When it was read.") Instant readAt) {
	}

}
