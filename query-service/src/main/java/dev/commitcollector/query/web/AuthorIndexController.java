package dev.commitcollector.query.web;

import java.time.Instant;
import java.util.List;

import dev.commitcollector.query.domain.AuthorSummary;
import dev.commitcollector.query.domain.CommitEntry;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.persistence.AuthorsReadModel;
import dev.commitcollector.query.persistence.KeysetReadModel;
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
@RequestMapping("/api/v1")
class AuthorIndexController {

	private final KeysetReadModel keyset;

	private final AuthorsReadModel readModel;

	private final CommitLinks links;

	AuthorIndexController(KeysetReadModel keyset, AuthorsReadModel readModel, CommitLinks links) {
		this.keyset = keyset;
		this.readModel = readModel;
		this.links = links;
	}

	/**
	 * A repository's authors, most commits first (ties by key), {@code size} per page
	 * (default 50, at most 500); {@code filter} keeps authors whose key, a name or an
	 * email contains it, ignoring case.
	 */
	@GetMapping("/repository/authors")
	Mono<AuthorIndex> authors(@RequestParam(defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@RequestParam(required = false) String repository, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String after, @RequestParam(required = false) String filter) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		int pageSize = Sizes.within(size, 50, 500, "authors page");
		return readModel.repository(key)
			.switchIfEmpty(Mono.error(() -> new RepositoryNotStored(key)))
			.flatMap(stored -> keyset.authors(key, after, pageSize, filter)
				.map(slice -> new AuthorIndex(key.provider(), key.path(), stored.commitCount(), stored.authorCount(),
						slice.items().stream().map(a -> AuthorRow.of(a, stored.commitCount())).toList(),
						slice.next())));
	}

	/**
	 * One author's commits in a repository, newest first, {@code size} per page (default
	 * 100, at most 1000). {@code author} is the author's {@code key} ({@code login:...}
	 * or {@code email:...}).
	 */
	@GetMapping("/authors/{author}/commits")
	Mono<CommitList> commits(@PathVariable String author,
			@RequestParam(defaultValue = RepositoryKey.DEFAULT_PROVIDER) String provider,
			@RequestParam(required = false) String repository, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String after) {
		RepositoryKey key = new RepositoryKey(provider, repository);
		int pageSize = Sizes.within(size, 100, 1000, "commits page");
		return keyset.commits(key, author, after, pageSize)
			.map(slice -> new CommitList(author,
					slice.items()
						.stream()
						.map(c -> CommitRow.of(c, links.urlOf(key.provider(), key.path(), c.sha())))
						.toList(),
					slice.next()));
	}

	record AuthorIndex(String provider, String repository, long totalCommits, long totalAuthors,
			List<AuthorRow> authors, String next) {
	}

	record AuthorRow(String key, String login, List<String> names, List<String> emails, long commitCount, double share,
			Instant lastAuthoredAt) {

		static AuthorRow of(AuthorSummary author, long totalCommits) {
			double share = totalCommits == 0 ? 0 : (double) author.commitCount() / totalCommits;
			return new AuthorRow(author.key(), author.login(), author.names(), author.emails(), author.commitCount(),
					share, author.lastAuthoredAt());
		}

	}

	record CommitList(String author, List<CommitRow> commits, String next) {
	}

	record CommitRow(String sha, Instant authoredAt, Instant committedAt, String messageHeadline, String url) {

		static CommitRow of(CommitEntry commit, String url) {
			return new CommitRow(commit.sha(), commit.authoredAt(), commit.committedAt(), commit.messageHeadline(),
					url);
		}

	}

}
