package dev.commitcollector.query.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commitcollector.query.domain.AuthorSummary;
import dev.commitcollector.query.domain.CommitEntry;
import dev.commitcollector.query.domain.CommitRole;
import dev.commitcollector.query.domain.Person;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.Slice;
import dev.commitcollector.query.domain.StoredRepository;
import dev.commitcollector.query.persistence.AuthorsReadModel;
import dev.commitcollector.query.persistence.IdentitiesReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The paginated read model for big repositories: authors without their commits, and one
 * author's commits, both keyset-paginated so that a deep page costs what the first one
 * does.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "authors", description = "Who wrote what in a stored repository.")
class AuthorIndexController {

	private final KeysetPages pages;

	private final AuthorsReadModel readModel;

	private final IdentitiesReadModel identityReads;

	AuthorIndexController(KeysetPages pages, AuthorsReadModel readModel, IdentitiesReadModel identityReads) {
		this.pages = pages;
		this.readModel = readModel;
		this.identityReads = identityReads;
	}

	/**
	 * A repository's authors, most commits first (ties by key), {@code size} per page
	 * (default 50, at most 500); {@code filter} keeps authors whose key, a name or an
	 * email contains it, ignoring case.
	 */
	@GetMapping("/repository/authors")
	@Operation(summary = "A repository's authors without their commits, most commits first",
			description = "Keyset pages ordered by `commitCount` descending, ties by `key`: pass a page's `next` as "
					+ "`after`, until `next` is null. `totalCommits` and `totalAuthors` are the repository's, whatever "
					+ "the filter; `share` is the author's `commitCount` divided by `totalCommits`. Pages follow a "
					+ "count that changes as the store writes, so during heavy ingestion an author may move between "
					+ "pages.")
	@ApiResponse(responseCode = "200", description = "A page of the repository's authors.")
	@ApiResponse(responseCode = "400",
			description = "A malformed provider, a missing or malformed repository, a size out of range, an `after` that is not a cursor, a filter over 200 characters or an unknown `identities`.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "provider", value = QueryOpenApi.BAD_PROVIDER),
							@ExampleObject(name = "repository", value = QueryOpenApi.MISSING_REPOSITORY),
							@ExampleObject(name = "size", value = QueryOpenApi.BAD_AUTHORS_SIZE),
							@ExampleObject(name = "after", value = QueryOpenApi.BAD_CURSOR),
							@ExampleObject(name = "filter", value = QueryOpenApi.TOO_LONG_FILTER),
							@ExampleObject(name = "identities", value = QueryOpenApi.BAD_IDENTITIES) }))
	@ApiResponse(responseCode = "404", description = "No commit of that repository is stored.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = @ExampleObject(name = "not stored", value = QueryOpenApi.NOT_STORED)))
	@Parameter(name = "provider", in = ParameterIn.QUERY, description = QueryOpenApi.PROVIDER,
			schema = @Schema(type = "string", pattern = QueryOpenApi.PROVIDER_PATTERN, maxLength = 40,
					defaultValue = "github"))
	@Parameter(name = "repository", in = ParameterIn.QUERY, description = QueryOpenApi.REPOSITORY, required = true,
			schema = @Schema(type = "string", pattern = QueryOpenApi.REPOSITORY_PATTERN, maxLength = 300,
					example = "octocat/Hello-World"))
	@Parameter(name = "size", in = ParameterIn.QUERY, description = "Authors per page.",
			schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "500", defaultValue = "50"))
	@Parameter(name = "after", in = ParameterIn.QUERY, description = QueryOpenApi.AFTER,
			schema = @Schema(type = "string", maxLength = 2048))
	@Parameter(name = "filter", in = ParameterIn.QUERY,
			description = "Keeps authors whose key, a name or an email contains it, ignoring case.",
			schema = @Schema(type = "string", maxLength = 200, example = "octo"))
	@Parameter(name = "identities", in = ParameterIn.QUERY, description = Identities.VIEW,
			schema = @Schema(type = "string", allowableValues = { "raw", "merged" }, defaultValue = "raw"))
	Mono<AuthorIndex> authors(@RequestParam(defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@RequestParam(required = false) String repository, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String after, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String identities) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		int pageSize = Sizes.within(size, 50, 500, "authors page");
		boolean merged = Identities.merged(identities);
		if (merged) {
			return readModel.repository(key)
				.switchIfEmpty(Mono.error(() -> new RepositoryNotStored(key)))
				.flatMap(stored -> people(stored, after, pageSize, filter));
		}
		return pages.authors(key, after, pageSize, filter)
			.switchIfEmpty(Mono.error(() -> new RepositoryNotStored(key)));
	}

	private Mono<AuthorIndex> people(StoredRepository stored, String after, int size, String filter) {
		RepositoryKey key = stored.key();
		return identityReads.people(key).map(people -> {
			Slice<Person> slice = IdentitiesReadModel.page(people, after, size, filter);
			long totalCommits = Person.commitsOf(people);
			return new AuthorIndex(key.provider(), key.path(), totalCommits, people.size(),
					slice.items().stream().map(p -> AuthorRow.of(p, totalCommits)).toList(), slice.next());
		});
	}

	/**
	 * One author's commits in a repository, newest first, {@code size} per page (default
	 * 100, at most 1000). {@code author} is the author's {@code key} ({@code login:...},
	 * {@code email:...} or {@code name:...}).
	 */
	@GetMapping("/authors/{author}/commits")
	@Operation(summary = "One author's commits in a repository, newest first",
			description = "Keyset pages, newest first (ties by sha, descending): pass a page's `next` as `after`, "
					+ "until `next` is null; no commit is skipped or repeated across pages while the store goes on "
					+ "writing. An author or repository with no stored commits answers an empty `commits` list. "
					+ "`url` comes from the provider's commit URL template and is null for a provider without one.")
	@ApiResponse(responseCode = "200", description = "A page of the author's commits.")
	@ApiResponse(responseCode = "400",
			description = "A malformed provider, a missing or malformed repository, a size out of range, an `after` that is not a cursor, an author key over 1024 characters, or an unknown `role` or `identities`.",
			content = @Content(mediaType = QueryOpenApi.PROBLEM_JSON, schema = @Schema(ref = QueryOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "provider", value = QueryOpenApi.BAD_PROVIDER),
							@ExampleObject(name = "repository", value = QueryOpenApi.MISSING_REPOSITORY),
							@ExampleObject(name = "size", value = QueryOpenApi.BAD_COMMITS_SIZE),
							@ExampleObject(name = "after", value = QueryOpenApi.BAD_CURSOR),
							@ExampleObject(name = "role", value = QueryOpenApi.BAD_ROLE),
							@ExampleObject(name = "identities", value = QueryOpenApi.BAD_IDENTITIES) }))
	@Parameter(name = "author", in = ParameterIn.PATH,
			description = "The author's `key` (`login:<login>`, `email:<email>` or `name:<name>`), URL-encoded.",
			schema = @Schema(type = "string", maxLength = 1024, example = "login:octocat"))
	@Parameter(name = "provider", in = ParameterIn.QUERY, description = QueryOpenApi.PROVIDER,
			schema = @Schema(type = "string", pattern = QueryOpenApi.PROVIDER_PATTERN, maxLength = 40,
					defaultValue = "github"))
	@Parameter(name = "repository", in = ParameterIn.QUERY, description = QueryOpenApi.REPOSITORY, required = true,
			schema = @Schema(type = "string", pattern = QueryOpenApi.REPOSITORY_PATTERN, maxLength = 300,
					example = "octocat/Hello-World"))
	@Parameter(name = "size", in = ParameterIn.QUERY, description = "Commits per page.",
			schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000", defaultValue = "100"))
	@Parameter(name = "after", in = ParameterIn.QUERY, description = QueryOpenApi.AFTER,
			schema = @Schema(type = "string", maxLength = 2048))
	@Parameter(name = "role", in = ParameterIn.QUERY, description = Identities.ROLE,
			schema = @Schema(type = "string", allowableValues = { "author", "coauthor", "any" },
					defaultValue = "author"))
	@Parameter(name = "identities", in = ParameterIn.QUERY,
			description = Identities.VIEW + " Merged, `author` may be any of the person's keys.",
			schema = @Schema(type = "string", allowableValues = { "raw", "merged" }, defaultValue = "raw"))
	Mono<CommitList> commits(@PathVariable String author,
			@RequestParam(defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@RequestParam(required = false) String repository, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String after, @RequestParam(required = false) String role,
			@RequestParam(required = false) String identities) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		int pageSize = Sizes.within(size, 100, 1000, "commits page");
		CommitRole commitRole = Identities.role(role);
		boolean merged = Identities.merged(identities);
		if (!merged && commitRole == CommitRole.AUTHOR) {
			return pages.commits(key, author, after, pageSize);
		}
		Mono<List<String>> keys = merged
				? identityReads.people(key).map(people -> IdentitiesReadModel.keysOf(people, author))
				: Mono.just(List.of(author));
		return keys.flatMap(k -> identityReads.commits(key, k, commitRole, after, pageSize))
			.map(slice -> pages.commitList(key, author, slice));
	}

	@Schema(description = "A page of a repository's authors, without their commits.")
	record AuthorIndex(@Schema(description = "The provider.", example = "github") String provider,
			@Schema(description = "The repository.", example = "octocat/Hello-World") String repository,
			@Schema(description = "The repository's commits, whatever the filter.") long totalCommits,
			@Schema(description = "The repository's authors, whatever the filter.") long totalAuthors,
			@Schema(description = "The authors of this page.") List<AuthorRow> authors,
			@Schema(description = "The `after` cursor of the next page; null on the last.") String next)
			implements
				KeysetJson.Page {
	}

	@Schema(description = "An author of a repository.")
	record AuthorRow(
			@Schema(description = "`login:<login>` when the forge links the commits to an account, otherwise "
					+ "`email:<email>` (lowercased); `name:<name>` (lowercased) when the commits carry neither.",
					example = "login:octocat") String key,
			@Schema(description = "The forge login, if any.") String login,
			@Schema(description = "The names the author's commits carry.") List<String> names,
			@Schema(description = "The emails the author's commits carry.") List<String> emails,
			@Schema(description = "The author's commits in the repository.") long commitCount,
			@Schema(description = "commitCount divided by the repository's totalCommits.", minimum = "0",
					maximum = "1") double share,
			@Schema(description = "When the author's newest commit was authored.") Instant lastAuthoredAt,
			@Schema(description = "The repository's commits whose `Co-authored-by:` trailers credit the author "
					+ "(never their own commits).") long coAuthoredCount,
			@Schema(description = "identities=merged only: every raw key folded into this entry, `key` first.") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> keys) {

		static AuthorRow of(AuthorSummary author, long totalCommits) {
			return new AuthorRow(author.key(), author.login(), author.names(), author.emails(), author.commitCount(),
					share(author.commitCount(), totalCommits), author.lastAuthoredAt(), author.coAuthoredCount(), null);
		}

		static AuthorRow of(Person person, long totalCommits) {
			return new AuthorRow(person.key(), person.login(), person.names(), person.emails(), person.commitCount(),
					share(person.commitCount(), totalCommits), person.lastAuthoredAt(), person.coAuthoredCount(),
					person.keys());
		}

		private static double share(long commits, long totalCommits) {
			return totalCommits == 0 ? 0 : (double) commits / totalCommits;
		}

	}

	@Schema(description = "A page of one author's commits.")
	record CommitList(@Schema(description = "The author's key, as asked.") String author,
			@Schema(description = "The commits of this page, newest first.") List<CommitRow> commits,
			@Schema(description = "The `after` cursor of the next page; null on the last.") String next)
			implements
				KeysetJson.Page {
	}

	@Schema(description = "A commit.")
	record CommitRow(@Schema(description = "The commit's sha.") String sha,
			@Schema(description = "When it was authored.") Instant authoredAt,
			@Schema(description = "When it was committed.") Instant committedAt,
			@Schema(description = "The first line of its message, if stored.") String messageHeadline,
			@Schema(description = "Its page on the forge; null for a provider without a commit URL template.") String url) {

		static CommitRow of(CommitEntry commit, String url) {
			return new CommitRow(commit.sha(), commit.authoredAt(), commit.committedAt(), commit.messageHeadline(),
					url);
		}

	}

}
