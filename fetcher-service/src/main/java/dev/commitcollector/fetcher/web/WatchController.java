package dev.commitcollector.fetcher.web;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.application.RepositoryNames;
import dev.commitcollector.fetcher.application.Watching;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Adds, shows and removes watches: repositories fetched again every interval. */
@RestController
@RequestMapping(path = "/api/v1/watches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "watches", description = "Repositories fetched again, incrementally, every interval.")
class WatchController {

	private final Watching watching;

	private final FetchLimits limits;

	private final Forges forges;

	private final RepositoryNames names;

	WatchController(Watching watching, FetchLimits limits, Forges forges, RepositoryNames names) {
		this.watching = watching;
		this.limits = limits;
		this.forges = forges;
		this.names = names;
	}

	@PostMapping
	@Operation(summary = "Watch a repository: fetch it every interval",
			description = "Adds a watch, first due at once, that starts an incremental fetch of the repository "
					+ "every `interval` (plus a jitter of up to a tenth of it, at most a minute), skipping a turn "
					+ "while the repository's fetch still waits or runs. Answers 201 with `Location: "
					+ "/api/v1/watches/{id}` and the watch. `provider` and `limit` default and are checked as for a "
					+ "fetch. One watch per repository. Needs `Authorization: Bearer <key>` when FETCHER_API_KEYS is "
					+ "set.",
			security = @SecurityRequirement(name = FetcherOpenApi.API_KEY))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "What to watch, how often.")
	@ApiResponse(responseCode = "201", description = "The watch is added; `Location` is its URL.",
			headers = @Header(name = "Location", description = "/api/v1/watches/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiResponse(responseCode = "400",
			description = "A malformed repository path, an unknown provider, a limit out of range, a missing or "
					+ "malformed interval or one shorter than WATCH_MIN_INTERVAL or longer than a year, a control "
					+ "character in a field, or a body that is not a watch request.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "interval", value = FetcherOpenApi.BAD_INTERVAL),
							@ExampleObject(name = "no interval", value = FetcherOpenApi.MISSING_INTERVAL),
							@ExampleObject(name = "provider", value = FetcherOpenApi.BAD_PROVIDER) }))
	@ApiResponse(responseCode = "401",
			description = "FETCHER_API_KEYS is set and the request has no `Authorization: Bearer <key>` with one "
					+ "of its keys; the answer carries `WWW-Authenticate: Bearer`.",
			headers = @Header(name = "WWW-Authenticate", description = "Bearer realm=\"commit-collector fetcher\"",
					schema = @Schema(type = "string")),
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "wrong key", value = FetcherOpenApi.UNAUTHORIZED_WATCH)))
	@ApiResponse(responseCode = "409",
			description = "The repository is watched already: the detail and `existing` name that watch; delete "
					+ "it first to change it. Or WATCH_MAX watches exist already.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "watched already", value = FetcherOpenApi.WATCH_EXISTS),
							@ExampleObject(name = "too many watches", value = FetcherOpenApi.TOO_MANY_WATCHES) }))
	@ApiResponse(responseCode = "413", description = "The body is larger than the fetcher reads (256 KB).",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "too large", value = FetcherOpenApi.TOO_LARGE)))
	@ApiResponse(responseCode = "415", description = "The body is not sent as `application/json`.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "not JSON", value = FetcherOpenApi.UNSUPPORTED_MEDIA_TYPE)))
	Mono<ResponseEntity<WatchView>> watch(@RequestBody WatchRequest request) {
		String provider = request.provider() == null || request.provider().isBlank() ? "github" : request.provider();
		RepositoryPath repository = forges.parsePath(provider, request.repository());
		int limit = FetchController.limitOf(request.limit(), provider, limits, forges);
		Duration interval = intervalOf(request.interval());
		return names.asKnown(provider, repository)
			.flatMap(known -> watching.watch(provider, known, limit, interval))
			.map(added -> ResponseEntity.created(URI.create("/api/v1/watches/" + added.watch().id()))
				.body(WatchView.of(added)));
	}

	@GetMapping
	@Operation(summary = "List every watch",
			description = "Every watch by provider and repository, each with the fetch it started last, a page at a "
					+ "time: pass a page's `next` as `after` for the following page, until `next` is null.")
	@ApiResponse(responseCode = "200", description = "A page of watches and the cursor of the next.")
	@ApiResponse(responseCode = "400",
			description = "A `size` out of range or not a number, or an `after` the fetcher did not hand out; the "
					+ "detail names it.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = { @ExampleObject(name = "size", value = FetcherOpenApi.BAD_WATCH_PAGE),
							@ExampleObject(name = "after", value = FetcherOpenApi.BAD_WATCH_CURSOR) }))
	Mono<WatchListView> list(
			@Parameter(description = "Watches per page, 1 to " + Watching.MAX_LISTED + ".",
					schema = @Schema(type = "integer", minimum = "1", maximum = "" + Watching.MAX_LISTED,
							defaultValue = "" + Watching.MAX_LISTED)) @RequestParam(required = false) String size,
			@Parameter(description = "The opaque cursor a page hands out as `next`; pass it back unchanged.",
					schema = @Schema(type = "string", maxLength = 2048)) @RequestParam(required = false) String after) {
		int pageSize = size == null || size.isEmpty() ? Watching.MAX_LISTED
				: FetchListQuery.sizeOf(size, Watching.MAX_LISTED);
		Optional<RepositoryRef> from = after == null || after.isEmpty() ? Optional.empty()
				: Optional.of(FetchListQuery.checked("after", () -> WatchCursor.decode(after)));
		return watching.list(pageSize, from).map(WatchListView::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Show one watch",
			description = "The watch, when it is next due, and the fetch it started last with that fetch's current "
					+ "status.")
	@ApiResponse(responseCode = "200", description = "The watch.")
	@ApiResponse(responseCode = "400", description = "`id` is not a UUID.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "id", value = FetcherOpenApi.BAD_WATCH_ID)))
	@ApiResponse(responseCode = "404", description = "No watch has this id.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "unknown", value = FetcherOpenApi.NO_WATCH)))
	Mono<WatchView> show(@Parameter(description = "The watch's id, as `Location` and `id` give it.",
			schema = @Schema(type = "string", format = "uuid", maxLength = 36)) @PathVariable UUID id) {
		return watching.find(id).map(found -> found.map(WatchView::of).orElseThrow(() -> notFound(id)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Stop watching a repository",
			description = "Removes the watch; a fetch it started goes on. Needs `Authorization: Bearer <key>` when "
					+ "FETCHER_API_KEYS is set.",
			security = @SecurityRequirement(name = FetcherOpenApi.API_KEY))
	@ApiResponse(responseCode = "204", description = "The watch is removed.")
	@ApiResponse(responseCode = "401",
			description = "FETCHER_API_KEYS is set and the request has no `Authorization: Bearer <key>` with one "
					+ "of its keys; the answer carries `WWW-Authenticate: Bearer`.",
			headers = @Header(name = "WWW-Authenticate", description = "Bearer realm=\"commit-collector fetcher\"",
					schema = @Schema(type = "string")),
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "no key", value = FetcherOpenApi.UNAUTHORIZED_DELETE)))
	@ApiResponse(responseCode = "400", description = "`id` is not a UUID.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "id", value = FetcherOpenApi.BAD_WATCH_ID)))
	@ApiResponse(responseCode = "404", description = "No watch has this id.",
			content = @Content(mediaType = FetcherOpenApi.PROBLEM_JSON, schema = @Schema(ref = FetcherOpenApi.PROBLEM),
					examples = @ExampleObject(name = "unknown", value = FetcherOpenApi.NO_WATCH)))
	Mono<ResponseEntity<Void>> remove(@Parameter(description = "The watch's id, as `Location` and `id` give it.",
			schema = @Schema(type = "string", format = "uuid", maxLength = 36)) @PathVariable UUID id) {
		return watching.remove(id).map(removed -> {
			if (!removed) {
				throw notFound(id);
			}
			return ResponseEntity.noContent().build();
		});
	}

	private static ResponseStatusException notFound(UUID id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no watch " + id + " is known to this fetcher");
	}

	private static Duration intervalOf(String interval) {
		if (interval == null || interval.isBlank()) {
			throw new FetchController.InvalidFetchRequest(
					"interval is required, as an ISO-8601 duration such as PT15M or PT1H");
		}
		try {
			return Duration.parse(interval);
		}
		catch (DateTimeParseException ex) {
			String shown = interval.length() > 64 ? interval.substring(0, 64) + "..." : interval;
			shown = shown.replaceAll("\\p{Cntrl}", "?");
			if (ex.getCause() instanceof ArithmeticException) {
				throw new FetchController.InvalidFetchRequest("interval is longer than a year (" + Watching.MAX_INTERVAL
						+ "), the most it may be, was '" + shown + "'");
			}
			throw new FetchController.InvalidFetchRequest(
					"interval must be an ISO-8601 duration in days, hours, minutes or seconds, such as PT15M, PT1H or"
							+ " P7D (not years or months, whose length varies), was '" + shown + "'");
		}
	}

}
