package dev.commitcollector.fetcher.application;

import java.util.Optional;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import reactor.core.publisher.Mono;

/**
 * A page's answer received in full, its body not yet made a page: {@code page} decodes it
 * (and may still fail, or ask again, as reading it would have). {@code next} is where the
 * answer's headers say the next page is, known before decoding; empty where the forge
 * says so only in the body, or nowhere. It must be the cursor the decoded page carries.
 */
public record ReceivedPage(Optional<PageCursor> next, Mono<CommitPage> page) {

	/** A page read and decoded already, which tells nothing ahead of its decoding. */
	public static ReceivedPage decoded(CommitPage page) {
		return new ReceivedPage(Optional.empty(), Mono.just(page));
	}

}
