package dev.commitcollector.store.application;

import dev.commitcollector.store.domain.MailmapRecord;
import reactor.core.publisher.Mono;

/**
 * Each repository's latest {@code .mailmap}. {@link #replace} swaps in the whole map
 * atomically when it is newer than the one held (by discovery time, then event id) and
 * emits whether it did; replacing with the same or an older one changes nothing. A map
 * the database refuses for its data fails with {@link Commits.Unstorable}.
 */
public interface Mailmaps {

	Mono<Boolean> replace(MailmapRecord mailmap);

}
