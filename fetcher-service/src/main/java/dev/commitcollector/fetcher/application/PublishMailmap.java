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
 * page's) and before it is COMPLETED. Only when the head moved since the fetch before (or
 * the fetch is FULL): an unchanged repository costs no request more. The mailmap is
 * optional: a forge that cannot read files reads none, and a read or a publish that fails
 * is logged, counted ({@code mailmaps.failed}) and leaves the fetch to complete, with
 * nothing published; the next fetch after a push reads it again. The event is stamped
 * with when the page that pinned its head was asked for, not when it is published: the
 * file is the one at that head, however late it is read.
 */
final class PublishMailmap {

	private static final Logger log = LoggerFactory.getLogger(PublishMailmap.class);

	private final MailmapLog mailmaps;

	private final FetchMeters meters;

	PublishMailmap(MailmapLog mailmaps, FetchMeters meters) {
		this.mailmaps = mailmaps;
		this.meters = meters;
	}

	/**
	 * Reads and publishes the mailmap at {@code head}, whose page was asked for at
	 * {@code headAsked}, unless the repository was {@code before} at that head already
	 * (null head: no commit, nothing to read). Completes empty, never with an error.
	 */
	Mono<Void> at(Forge forge, Fetch fetch, String before, String head, Instant headAsked, RateLimitWaits waits) {
		if (head == null || (fetch.mode() == FetchMode.INCREMENTAL && head.equals(before))) {
			return Mono.empty();
		}
		return forge.mailmap(fetch.repository(), head, waits)
			.flatMap(mailmap -> mailmaps.publish(fetch, head, mailmap, headAsked))
			.onErrorResume(error -> {
				log.warn("fetch {}: the .mailmap of {} at {} was not published; the fetch goes on without it: {}",
						fetch.id(), fetch.target(), head, error.toString());
				meters.mailmapFailed(fetch.provider());
				return Mono.empty();
			});
	}

}
