package dev.commitcollector.query.web;

import dev.commitcollector.query.domain.CommitEntry;
import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.domain.Slice;
import dev.commitcollector.query.persistence.KeysetReadModel;
import dev.commitcollector.query.web.AuthorIndexController.AuthorIndex;
import dev.commitcollector.query.web.AuthorIndexController.AuthorRow;
import dev.commitcollector.query.web.AuthorIndexController.CommitList;
import dev.commitcollector.query.web.AuthorIndexController.CommitRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The raw view's keyset pages as the API answers them: a repository's authors and an
 * author's own commits. Both {@link AuthorIndexController} and {@link KeysetPagesFilter}
 * answer with these.
 */
@Component
class KeysetPages {

	private final KeysetReadModel keyset;

	private final CommitLinks links;

	KeysetPages(KeysetReadModel keyset, CommitLinks links) {
		this.keyset = keyset;
		this.links = links;
	}

	/**
	 * A page of a repository's authors; empty when the repository is not stored. Throws
	 * {@code InvalidCursor} at once for an {@code after} this service did not hand out.
	 */
	Mono<AuthorIndex> authors(RepositoryKey key, String after, int size, String filter) {
		return keyset.authors(key, after, size, filter).map(page -> {
			long total = page.repository().commitCount();
			return new AuthorIndex(key.provider(), key.path(), total, page.repository().authorCount(),
					page.authors().items().stream().map(a -> AuthorRow.of(a, total)).toList(), page.authors().next());
		});
	}

	/**
	 * A page of the commits {@code author} authored, newest first. Throws
	 * {@code InvalidCursor} at once for an {@code after} this service did not hand out.
	 */
	Mono<CommitList> commits(RepositoryKey key, String author, String after, int size) {
		return keyset.commits(key, author, after, size).map(slice -> commitList(key, author, slice));
	}

	/** A page of commits with their links on the repository's forge. */
	CommitList commitList(RepositoryKey key, String author, Slice<CommitEntry> slice) {
		CommitLinks.OfRepository urls = links.of(key.provider(), key.path());
		return new CommitList(author, slice.items().stream().map(c -> CommitRow.of(c, urls.urlOf(c.sha()))).toList(),
				slice.next());
	}

}
