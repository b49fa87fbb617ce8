package dev.commitcollector.fetcher.web;

import java.net.URI;
import java.util.UUID;

import dev.commitcollector.fetcher.application.FetchCommits;
import dev.commitcollector.fetcher.application.FetchQuery;
import dev.commitcollector.fetcher.application.Fetches;
import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.application.RepositoryNames;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Starts fetches, reports on each and lists them. */
@RestController
@RequestMapping(path = "/api/v1/fetches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "fetches", description = "Fetches of a repository's newest commits: start one, follow it, list them.")
class FetchController {

	private final FetchCommits fetchCommits;

	private final Fetches fetches;

	private final FetchLimits limits;

	private final Forges forges;

	private final FetchListQuery listQuery;

	private final RepositoryNames names;

	FetchController(FetchCommits fetchCommits, Fetches fetches, FetchLimits limits, Forges forges,
			RepositoryNames names) {
		this.fetchCommits = fetchCommits;
		this.fetches = fetches;
		this.limits = limits;
		this.forges = forges;
		this.names = names;
		this.listQuery = new FetchListQuery(forges);
	}

	@PostMapping
	@Operation(summary = "Start a fetch of a repository's newest commits",
			description = "Records the fetch and puts its FetchRequested command on Kafka, then answers 202 with "
					+ "`Location: /api/v1/fetches/{id}` and the fetch (QUEUED). A repository that has a fetch waiting "
					+ "or running already answers 202 with that fetch when it asks for as much (409 when it asks "
					+ "for less and runs already). `provider` defaults to `github`, `limit` to "
					+ "FETCH_DEFAULT_LIMIT (1000; at most FETCH_MAX_LIMIT, 100000), `mode` to `incremental` (only "
					+ "commits not published before; `full` publishes everything up to the limit again). Needs "
					+ "`Authorization: Bearer <key>` when FETCHER_API_KEYS is set.",
			security = @SecurityRequirement(name = FetcherOpenApi.API_KEY))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "What to fetch; a body over 256 KB answers 413.")
	@ApiResponse(responseCode = "202",
			description = "The fetch is recorded and queued (or the repository's unfinished fetch is shown); "
					+ "`Location` is its URL.",
			headers = @Header(name = "Location", description = "/api/v1/fetches/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiResponse(responseCode = "400",
			description = "A malformed repository path (by the provider's forge type), an unknown provider (the "
					+ "detail lists the configured ones), a limit out of range, an unknown mode, a control character "
					+ "in a field, a field longer than its bound, or a body that is not a fetch request.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "limit", value = FetcherOpenApi.BAD_LIMIT),
							@ExampleObject(name = "provider", value = FetcherOpenApi.BAD_PROVIDER),
							@ExampleObject(name = "repository", value = FetcherOpenApi.BAD_REPOSITORY),
							@ExampleObject(name = "mode", value = FetcherOpenApi.BAD_MODE),
							@ExampleObject(name = "body", value = FetcherOpenApi.BAD_BODY) }))
	@ApiResponse(responseCode = "401",
			description = "FETCHER_API_KEYS is set and the request has no `Authorization: Bearer <key>` with one "
					+ "of its keys; the answer carries `WWW-Authenticate: Bearer`.",
			headers = @Header(name = "WWW-Authenticate", description = "Bearer realm=\"commit-collector fetcher\"",
					schema = @Schema(type = "string")),
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "no key", value = FetcherOpenApi.UNAUTHORIZED_FETCH)))
	@ApiResponse(responseCode = "413", description = "The body is larger than the fetcher reads (256 KB).",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "too large", value = FetcherOpenApi.TOO_LARGE)))
	@ApiResponse(responseCode = "415", description = "The body is not sent as `application/json`.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "not JSON", value = FetcherOpenApi.UNSUPPORTED_MEDIA_TYPE)))
	@ApiResponse(responseCode = "409",
			description = "The repository has a fetch under way that asks for less (a smaller limit, or incremental "
					+ "where `full` is asked) and an instance has taken it up already, so it cannot be widened; "
					+ "ask again once it has ended. A request that asks for no more than the fetch under way "
					+ "answers 202 with that fetch; one that asks for more while it still waits for its first "
					+ "turn widens it and answers 202 with it.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "under way", value = FetcherOpenApi.UNDER_WAY)))
	@ApiResponse(responseCode = "429",
			description = "FETCH_MAX_QUEUED fetches wait for their turn already; ask again after `Retry-After` "
					+ "seconds.",
			headers = @Header(name = "Retry-After", description = "seconds to wait before asking again (30)",
					schema = @Schema(type = "integer", example = "30")),
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "queue full", value = FetcherOpenApi.QUEUE_FULL)))
	@ApiResponse(responseCode = "503",
			description = "PostgreSQL did not take the fetch (no fetch was started), or Kafka did not take its "
					+ "command (the fetch is recorded FAILED); try again.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "not recorded", value = FetcherOpenApi.NOT_RECORDED),
							@ExampleObject(name = "not queued", value = FetcherOpenApi.NOT_QUEUED) }))
	Mono<ResponseEntity<FetchView>> start(@RequestBody FetchRequest request) {
		String provider = request.provider() == null || request.provider().isBlank() ? "github" : request.provider();
		RepositoryPath repository = forges.parsePath(provider, request.repository());
		int limit = limitOf(request.limit(), provider, limits, forges);
		FetchMode mode = modeOf(request.mode());
		return names.asKnown(provider, repository)
			.flatMap(known -> fetchCommits.start(provider, known, limit, mode))
			.map(fetch -> ResponseEntity.accepted()
				.location(URI.create("/api/v1/fetches/" + fetch.id()))
				.body(FetchView.of(fetch)));
	}

	/** Fetches newest first, a page at a time: {@code next} is the cursor of the next. */
	@GetMapping
	@Operation(summary = "List fetches, newest first, a page at a time",
			description = "Keyset pages on (`startedAt`, `id`): pass a page's `next` as `after` for the following "
					+ "page, until `next` is null; a fetch recorded meanwhile never shifts a later page. Every "
					+ "parameter is optional. Progress and `waitingUntil` are as last written (after the latest "
					+ "page).")
	@ApiResponse(responseCode = "200", description = "A page of fetches and the cursor of the next.")
	@ApiResponse(responseCode = "400",
			description = "A parameter the fetcher cannot read: an unknown provider, a repository path its rules "
					+ "refuse, an unknown status, a size out of range or not a number, an `after` it did not hand "
					+ "out; the detail names it.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "size", value = FetcherOpenApi.BAD_LIST_PARAMETER),
							@ExampleObject(name = "after", value = FetcherOpenApi.BAD_CURSOR) }))
	Mono<FetchListView> list(
			@Parameter(description = "Only fetches from this configured provider.",
					schema = @Schema(type = "string", maxLength = 40,
							pattern = FetcherOpenApi.PROVIDER_PATTERN)) @RequestParam(required = false) String provider,
			@Parameter(
					description = "Only fetches of this repository. " + FetcherOpenApi.REPOSITORY_RULES
							+ " Checked by the provider's rules when `provider` is given.",
					schema = @Schema(type = "string", maxLength = 300,
							pattern = FetcherOpenApi.REPOSITORY_PATTERN)) @RequestParam(
									required = false) String repository,
			@Parameter(description = "Only fetches in this state (case is ignored).",
					schema = @Schema(type = "string",
							allowableValues = { "QUEUED", "RUNNING", "COMPLETED", "FAILED" })) @RequestParam(
									required = false) String status,
			@Parameter(description = "Fetches per page.",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "500",
							defaultValue = "50")) @RequestParam(required = false) String size,
			@Parameter(description = "The opaque cursor a page hands out as `next`; pass it back unchanged.",
					schema = @Schema(type = "string", maxLength = 2048)) @RequestParam(required = false) String after) {
		FetchQuery query = listQuery.of(provider, repository, status, size, after);
		if (query.provider().isEmpty() || query.repository().isEmpty()) {
			return fetches.list(query).map(FetchListView::of);
		}
		// another spelling of a repository the forge finds whatever the case lists its
		// fetches
		return names.known(query.provider().get(), query.repository().get())
			.map(query::about)
			.flatMap(fetches::list)
			.map(FetchListView::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Show one fetch",
			description = "The fetch as it stands: in memory when this instance runs it, otherwise as last written "
					+ "(after its latest page).")
	@ApiResponse(responseCode = "200", description = "The fetch.")
	@ApiResponse(responseCode = "400", description = "`id` is not a UUID.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "id", value = FetcherOpenApi.BAD_FETCH_ID)))
	@ApiResponse(responseCode = "404", description = "No fetch has this id.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "unknown", value = FetcherOpenApi.NO_FETCH)))
	Mono<FetchView> show(@Parameter(description = "The fetch's id, as `Location` and `id` give it.",
			schema = @Schema(type = "string", format = "uuid", maxLength = 36)) @PathVariable UUID id) {
		return fetches.lookup(id)
			.map(found -> found.map(FetchView::of)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
						"no fetch " + id + " is known to this fetcher")));
	}

	private static FetchMode modeOf(String mode) {
		if (mode == null || mode.isBlank() || mode.equalsIgnoreCase("incremental")) {
			return FetchMode.INCREMENTAL;
		}
		if (mode.equalsIgnoreCase("full")) {
			return FetchMode.FULL;
		}
		throw new InvalidFetchRequest(
				"mode must be 'incremental' (the default) or 'full', was '" + mode.replaceAll("\\p{Cntrl}", "?") + "'");
	}

	/**
	 * The limit asked for, else the default: refused past FETCH_MAX_LIMIT, and past what
	 * the provider can read in one fetch (a plain-git provider's max depth), which would
	 * otherwise cut the fetch short without a word.
	 */
	static int limitOf(Integer requested, String provider, FetchLimits limits, Forges forges) {
		int limit = requested == null ? limits.defaultLimit() : requested;
		if (limit < 1 || limit > limits.maximum()) {
			throw new InvalidFetchRequest("limit must be between 1 and " + limits.maximum() + ", was " + limit);
		}
		int most = forges.maxLimit(provider);
		if (limit > most) {
			throw new InvalidFetchRequest("limit must be at most " + most + " for provider '" + provider
					+ "', the deepest history one of its fetches reads (FORGES_GIT_MAXDEPTH), was " + limit);
		}
		return limit;
	}

	/** A limit or mode this fetcher does not take. */
	static final class InvalidFetchRequest extends IllegalArgumentException {

		InvalidFetchRequest(String message) {
			super(message);
		}

	}

}
