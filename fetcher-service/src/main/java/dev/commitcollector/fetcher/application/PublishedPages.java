package dev.commitcollector.fetcher.application;

import java.util.Collection;

import dev.commitcollector.fetcher.domain.Fetch;
import reactor.core.publisher.Mono;

/**
 * What a walk records of each page once its commits are published: the commits, as
 * published ({@link History#remember}), and the fetch's progress
 * ({@link FetchRecords#save}). The fetcher's PostgreSQL writes both in one statement: one
 * round trip a page instead of two.
 */
public interface PublishedPages {

	/**
	 * Remembers {@code shas} of {@code progressed}'s repository as published and writes
	 * {@code progressed} as it now stands; fails when the commits could not be
	 * remembered.
	 */
	Mono<Void> record(Fetch progressed, Collection<String> shas);

	/**
	 * One write after the other: the history's, then the fetch's (whose failure is
	 * logged, and made good by the next page's).
	 */
	static PublishedPages separately(History history, Fetches fetches) {
		return (progressed, shas) -> history.remember(progressed.target(), shas).then(fetches.record(progressed));
	}

}
