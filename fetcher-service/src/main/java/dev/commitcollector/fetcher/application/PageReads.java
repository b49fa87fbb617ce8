package dev.commitcollector.fetcher.application;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;

/**
 * A walk's reads of its pages after the first. Where the forge names the next page in an
 * answer's headers and the walk will read that page whatever this one holds, its request
 * leaves as soon as this page's answer is received, and this page is decoded while it is
 * on its way; otherwise the next page is asked for once the walk asks. Requests still go
 * one after another (the next leaves only once this one's answer is in, and the forge's
 * gate allows one at a time), and at most one page is asked for ahead of the walk.
 */
final class PageReads {

	private final Forge forge;

	private final RepositoryPath repository;

	private final RateLimitWaits waits;

	/** The request sent ahead for the page after the one last read, if any. */
	private final AtomicReference<Ahead> ahead = new AtomicReference<>();

	PageReads(Forge forge, RepositoryPath repository, RateLimitWaits waits) {
		this.forge = forge;
		this.repository = repository;
		this.waits = waits;
	}

	/**
	 * The page {@code cursor} points at, decoded. When {@code readOn}, the walk will read
	 * the page after it too, if there is one: its request leaves once this page's answer
	 * is received, before it is decoded.
	 */
	Mono<CommitPage> read(PageCursor cursor, boolean readOn) {
		// the request sent ahead runs in the walk's context, so it is traced as the
		// walk's
		return Mono.deferContextual(context -> received(cursor).flatMap(answer -> {
			if (readOn && answer.next().isPresent()) {
				PageCursor next = answer.next().get();
				ahead.set(new Ahead(next, forge.receivePage(repository, next, waits).contextWrite(context).toFuture()));
			}
			return answer.page();
		}));
	}

	/**
	 * Cancels a request sent ahead that the walk did not take (its walk ended, failed or
	 * was cancelled).
	 */
	void drop() {
		Ahead sent = ahead.getAndSet(null);
		if (sent != null) {
			sent.answer().cancel(true);
		}
	}

	private Mono<ReceivedPage> received(PageCursor cursor) {
		Ahead sent = ahead.getAndSet(null);
		if (sent != null && sent.cursor().equals(cursor)) {
			return Mono.fromFuture(sent.answer());
		}
		if (sent != null) {
			sent.answer().cancel(true);
		}
		return forge.receivePage(repository, cursor, waits);
	}

	private record Ahead(PageCursor cursor, CompletableFuture<ReceivedPage> answer) {
	}

}
