package dev.commitcollector.query.web;

import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.persistence.AuthorsReadModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A stored repository's commits, grouped by author. */
@RestController
@RequestMapping("/api/v1/authors")
class AuthorsController {

	private final AuthorsReadModel readModel;

	private final PageSettings pages;

	AuthorsController(AuthorsReadModel readModel, PageSettings pages) {
		this.readModel = readModel;
		this.pages = pages;
	}

	@GetMapping
	Mono<AuthorsView> authors(@RequestParam(defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@RequestParam(required = false) String repository, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		int pageSize = size == null ? pages.defaultSize() : size;
		if (page < 0) {
			throw new InvalidPaging("page must be 0 or more, was " + page);
		}
		if (pageSize < 1 || pageSize > pages.maxSize()) {
			throw new InvalidPaging("size must be between 1 and " + pages.maxSize() + ", was " + pageSize);
		}
		return readModel.repository(key)
			.switchIfEmpty(Mono.error(() -> new RepositoryNotStored(key)))
			.flatMap(repo -> readModel.authors(repo, page, pageSize))
			.map(AuthorsView::of);
	}

	/** Paging parameters out of range. */
	static final class InvalidPaging extends IllegalArgumentException {

		InvalidPaging(String message) {
			super(message);
		}

	}

}
