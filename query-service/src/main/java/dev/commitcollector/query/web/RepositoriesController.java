package dev.commitcollector.query.web;

import java.time.Instant;
import java.util.List;

import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.StoredRepository;
import dev.commitcollector.query.persistence.AuthorsReadModel;
import dev.commitcollector.query.persistence.KeysetReadModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The repositories stored, and one repository's summary. */
@RestController
@RequestMapping("/api/v1")
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
	Mono<RepositoryList> repositories(@RequestParam(required = false) Integer size,
			@RequestParam(required = false) String after) {
		return keyset.repositories(after, Sizes.within(size, 50, 500, "repositories page"))
			.map(slice -> new RepositoryList(slice.items().stream().map(RepositoryView::of).toList(), slice.next()));
	}

	/**
	 * One stored repository: its commit and author counts and when commits were last
	 * stored.
	 */
	@GetMapping("/repository")
	Mono<RepositoryView> repository(@RequestParam(defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@RequestParam(required = false) String repository) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		return readModel.repository(key)
			.switchIfEmpty(Mono.error(() -> new RepositoryNotStored(key)))
			.map(RepositoryView::of);
	}

	record RepositoryList(List<RepositoryView> repositories, String next) {
	}

	record RepositoryView(String provider, String repository, long commitCount, long authorCount,
			Instant lastStoredAt) {

		static RepositoryView of(StoredRepository stored) {
			return new RepositoryView(stored.key().provider(), stored.key().path(), stored.commitCount(),
					stored.authorCount(), stored.lastStoredAt());
		}

	}

}
