package dev.commitcollector.fetcher.application;

import java.time.Instant;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.Mailmap;
import reactor.core.publisher.Mono;

/**
 * Where a fetch's {@code .mailmap} goes: one {@code MailmapDiscovered} event per fetch
 * whose head moved, durable when the Mono completes.
 */
public interface MailmapLog {

	/** Publishes nothing: for tests that run fetches directly. */
	MailmapLog NONE = (fetch, head, mailmap, headAsked) -> Mono.empty();

	/**
	 * {@code mailmap} as read at {@code head}, the fetch's head commit; {@code headAsked}
	 * is when the page that pinned that head was asked for, which orders it among the
	 * repository's other reads (a read published late, by a fetcher that froze, is as old
	 * as its head, and never outranks the one of the attempt that took its fetch over).
	 */
	Mono<Void> publish(Fetch fetch, String head, Mailmap mailmap, Instant headAsked);

}
