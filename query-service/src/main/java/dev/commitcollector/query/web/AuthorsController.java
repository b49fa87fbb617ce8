package dev.commitcollector.query.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.commitcollector.query.domain.AuthorCommits;
import dev.commitcollector.query.domain.Person;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.StoredRepository;
import dev.commitcollector.query.persistence.AuthorsReadModel;
import dev.commitcollector.query.persistence.IdentitiesReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A stored repository's commits, grouped by author. */
@RestController
@RequestMapping("/api/v1/authors")
@Tag(name = "authors", description = "Who wrote what in a stored repository.")
class AuthorsController {

	private final AuthorsReadModel readModel;

	private final PageSettings pages;

	private final AuthorsJson json;

	private final IdentitiesReadModel identityReads;

	AuthorsController(AuthorsReadModel readModel, PageSettings pages, AuthorsJson json,
			IdentitiesReadModel identityReads) {
		this.readModel = readModel;
		this.pages = pages;
		this.json = json;
		this.identityReads = identityReads;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A repository's authors with all their commits, a page of authors at a time",
			description = "Authors sorted by `commitCount` descending, then by `key`; each lists all of their "
					+ "commits in the repository, newest first. An author's `key` is `login:<login>` when the forge "
					+ "links the commit to an account, otherwise `email:<email>`. For very large groups use a small "
					+ "`size`, or `/api/v1/repository/authors` and `/api/v1/authors/{author}/commits`.")
	@ApiResponse(responseCode = "200", description = "A page of the repository's authors.",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AuthorsView.class)))
	@ApiResponse(responseCode = "400",
			description = "A malformed provider, a missing or malformed repository, a negative page, a size out of range or an unknown `identities`.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "provider", value = QueryOpenApi.BAD_PROVIDER),
							@ExampleObject(name = "repository", value = QueryOpenApi.MISSING_REPOSITORY),
							@ExampleObject(name = "page", value = QueryOpenApi.BAD_PAGE),
							@ExampleObject(name = "size", value = QueryOpenApi.BAD_SIZE),
							@ExampleObject(name = "identities", value = QueryOpenApi.BAD_IDENTITIES) }))
	@ApiResponse(responseCode = "404", description = "No commit of that repository is stored.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = @ExampleObject(name = "not stored", value = QueryOpenApi.NOT_STORED)))
	Mono<ResponseEntity<Flux<DataBuffer>>> authors(
			@Parameter(description = QueryOpenApi.PROVIDER,
					schema = @Schema(type = "string", pattern = QueryOpenApi.PROVIDER_PATTERN, maxLength = 40,
							defaultValue = "github")) @RequestParam(
									defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@Parameter(description = QueryOpenApi.REPOSITORY, required = true,
					schema = @Schema(type = "string", pattern = QueryOpenApi.REPOSITORY_PATTERN, maxLength = 300,
							example = "octocat/Hello-World")) @RequestParam(required = false) String repository,
			@Parameter(description = "The page of authors, from 0.",
					schema = @Schema(type = "integer", format = "int32", minimum = "0",
							defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
			@Parameter(
					description = "Authors per page: 1 to QUERY_AUTHORS_MAX_PAGE_SIZE; QUERY_AUTHORS_PAGE_SIZE when left out.",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "500",
							defaultValue = "50")) @RequestParam(required = false) Integer size,
			@Parameter(description = Identities.VIEW + " Merged, `totalAuthors` and the pages count people.",
					schema = @Schema(type = "string", allowableValues = { "raw", "merged" },
							defaultValue = "raw")) @RequestParam(required = false) String identities) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		int pageSize = size == null ? pages.defaultSize() : size;
		if (page < 0) {
			throw new InvalidPaging("page must be 0 or more, was " + page);
		}
		if (pageSize < 1 || pageSize > pages.maxSize()) {
			throw new InvalidPaging("size must be between 1 and " + pages.maxSize() + ", was " + pageSize);
		}
		if (Identities.merged(identities)) {
			return readModel.repository(key)
				.switchIfEmpty(Mono.error(() -> new RepositoryNotStored(key)))
				.flatMap(repo -> people(repo, page, pageSize));
		}
		// everything that can answer a problem is read before the first byte; the commits
		// stream after it
		return readModel.repository(key)
			.switchIfEmpty(Mono.error(() -> new RepositoryNotStored(key)))
			.flatMap(repo -> readModel.authors(key, page, pageSize)
				.collectList()
				.map(authors -> ResponseEntity.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.body(json.write(repo, page, pageSize, authors, author -> readModel.commitsOf(key, author)))));
	}

	/**
	 * A page of the repository's people, each with the commits of all their keys; the
	 * head counts people.
	 */
	private Mono<ResponseEntity<Flux<DataBuffer>>> people(StoredRepository repo, int page, int size) {
		RepositoryKey key = repo.key();
		return identityReads.people(key).map(people -> {
			Map<String, List<String>> keysOf = new HashMap<>();
			List<AuthorCommits> authors = people.stream().skip((long) page * size).limit(size).map(person -> {
				keysOf.put(person.key(), person.keys());
				return new AuthorCommits(person.key(), person.login(), person.names(), person.emails(),
						person.commitCount(), person.coAuthoredCount(), person.keys(), List.of());
			}).toList();
			StoredRepository counted = new StoredRepository(key, Person.commitsOf(people), people.size(),
					repo.lastStoredAt());
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(json.write(counted, page, size, authors,
						author -> identityReads.commitsOf(key, keysOf.get(author))));
		});
	}

	/** Paging parameters out of range. */
	static final class InvalidPaging extends IllegalArgumentException {

		InvalidPaging(String message) {
			super(message);
		}

	}

}
