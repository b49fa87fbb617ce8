package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.Mailmap;
import reactor.core.publisher.Mono;

/**
 * Where a fetch's {@code .mailmap} goes: one {@code MailmapDiscovered} event per fetch
 * whose head moved, durable when the Mono completes.
 */
public interface MailmapLog {

	/** Publishes nothing: for tests that run fetches directly. */
	MailmapLog NONE = (fetch, head, mailmap) -> Mono.empty();

	/** {@code mailmap} as read at {@code head}, the fetch's head commit. */
	Mono<Void> publish(Fetch fetch, String head, Mailmap mailmap);

}
