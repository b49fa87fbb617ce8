package dev.commitcollector.fetcher.application;

import java.time.Instant;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Reading a fetch's {@code .mailmap} at the head it walked from and publishing it, once
 * its last page has been read (beside that page's publishing, so the request waits for no
 * page's) and before it is COMPLETED. Only when the head differs from the one the last
 * read was published at (or the fetch is FULL): an unchanged repository costs no request
 * more. The mailmap is optional: a forge that cannot read files reads none, and a read or
 * a publish that fails is logged, counted ({@code mailmaps.failed}) and leaves the fetch
 * to complete, with nothing published; the next fetch reads it again, at an unchanged
 * head too (a listing the forge says is unchanged included). The event is stamped with
 * when the page that pinned its head was asked for, not when it is published: the file is
 * the one at that head, however late it is read.
 */
final class PublishMailmap {

	private static final Logger log = LoggerFactory.getLogger(PublishMailmap.class);

	private final MailmapLog mailmaps;

	private final FetchMeters meters;

	private final History history;

	PublishMailmap(MailmapLog mailmaps, FetchMeters meters, History history) {
		this.mailmaps = mailmaps;
		this.meters = meters;
		this.history = history;
	}

	/**
	 * Reads and publishes the mailmap at {@code head}, whose page was asked for at
	 * {@code headAsked}, unless the last one published was read at that head already
	 * (null head: no commit, nothing to read). Completes empty, never with an error.
	 */
	Mono<Void> at(Forge forge, Fetch fetch, String head, Instant headAsked, RateLimitWaits waits) {
		if (head == null) {
			return Mono.empty();
		}
		Mono<Boolean> due = fetch.mode() == FetchMode.FULL ? Mono.just(true)
				: history.mailmapReadAt(fetch.target()).map(read -> !read.filter(head::equals).isPresent());
		return due.filter(Boolean::booleanValue)
			.flatMap(read -> forge.mailmap(fetch.repository(), head, waits))
			.flatMap(mailmap -> mailmaps.publish(fetch, head, mailmap, headAsked)
				.then(history.mailmapRead(fetch.target(), head)))
			.onErrorResume(error -> {
				log.warn("fetch {}: the .mailmap of {} at {} was not published; the fetch goes on without it: {}",
						fetch.id(), fetch.target(), head, error.toString());
				meters.mailmapFailed(fetch.provider());
				return Mono.empty();
			});
	}

}
