package dev.commitcollector.fetcher.web;

import java.net.URI;
import java.util.UUID;

import dev.commitcollector.fetcher.application.FetchCommits;
import dev.commitcollector.fetcher.application.FetchQuery;
import dev.commitcollector.fetcher.application.Fetches;
import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryPath;
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
@RequestMapping("/api/v1/fetches")
class FetchController {

	private final FetchCommits fetchCommits;

	private final Fetches fetches;

	private final FetchLimits limits;

	private final Forges forges;

	private final FetchListQuery listQuery;

	FetchController(FetchCommits fetchCommits, Fetches fetches, FetchLimits limits, Forges forges) {
		this.fetchCommits = fetchCommits;
		this.fetches = fetches;
		this.limits = limits;
		this.forges = forges;
		this.listQuery = new FetchListQuery(forges);
	}

	@PostMapping
	Mono<ResponseEntity<FetchView>> start(@RequestBody FetchRequest request) {
		String provider = request.provider() == null || request.provider().isBlank() ? "github" : request.provider();
		RepositoryPath repository = forges.parsePath(provider, request.repository());
		int limit = request.limit() == null ? limits.defaultLimit() : request.limit();
		if (limit < 1 || limit > limits.maximum()) {
			throw new InvalidFetchRequest("limit must be between 1 and " + limits.maximum() + ", was " + limit);
		}
		return fetchCommits.start(provider, repository, limit, modeOf(request.mode()))
			.map(fetch -> ResponseEntity.accepted()
				.location(URI.create("/api/v1/fetches/" + fetch.id()))
				.body(FetchView.of(fetch)));
	}

	/** Fetches newest first, a page at a time: {@code next} is the cursor of the next. */
	@GetMapping
	Mono<FetchListView> list(@RequestParam(required = false) String provider,
			@RequestParam(required = false) String repository, @RequestParam(required = false) String status,
			@RequestParam(required = false) String size, @RequestParam(required = false) String after) {
		FetchQuery query = listQuery.of(provider, repository, status, size, after);
		return fetches.list(query).map(FetchListView::of);
	}

	@GetMapping("/{id}")
	Mono<FetchView> show(@PathVariable UUID id) {
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

	/** A limit or mode this fetcher does not take. */
	static final class InvalidFetchRequest extends IllegalArgumentException {

		InvalidFetchRequest(String message) {
			super(message);
		}

	}

}
