package dev.commitcollector.fetcher.web;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.application.Watching;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Adds, shows and removes watches: repositories fetched again every interval. */
@RestController
@RequestMapping("/api/v1/watches")
class WatchController {

	private final Watching watching;

	private final FetchLimits limits;

	private final Forges forges;

	WatchController(Watching watching, FetchLimits limits, Forges forges) {
		this.watching = watching;
		this.limits = limits;
		this.forges = forges;
	}

	@PostMapping
	Mono<ResponseEntity<WatchView>> watch(@RequestBody WatchRequest request) {
		String provider = request.provider() == null || request.provider().isBlank() ? "github" : request.provider();
		RepositoryPath repository = forges.parsePath(provider, request.repository());
		int limit = request.limit() == null ? limits.defaultLimit() : request.limit();
		if (limit < 1 || limit > limits.maximum()) {
			throw new FetchController.InvalidFetchRequest(
					"limit must be between 1 and " + limits.maximum() + ", was " + limit);
		}
		return watching.watch(provider, repository, limit, intervalOf(request.interval()))
			.map(added -> ResponseEntity.created(URI.create("/api/v1/watches/" + added.watch().id()))
				.body(WatchView.of(added)));
	}

	@GetMapping
	Mono<WatchListView> list() {
		return watching.list().map(reports -> new WatchListView(reports.stream().map(WatchView::of).toList()));
	}

	@GetMapping("/{id}")
	Mono<WatchView> show(@PathVariable UUID id) {
		return watching.find(id).map(found -> found.map(WatchView::of).orElseThrow(() -> notFound(id)));
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> remove(@PathVariable UUID id) {
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
			throw new FetchController.InvalidFetchRequest(
					"interval must be an ISO-8601 duration such as PT15M or PT1H, was '"
							+ interval.replaceAll("\\p{Cntrl}", "?") + "'");
		}
	}

}
