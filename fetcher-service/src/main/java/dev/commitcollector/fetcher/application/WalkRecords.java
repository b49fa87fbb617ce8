package dev.commitcollector.fetcher.application;

import java.util.Collection;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.RepositoryMemory;
import reactor.core.publisher.Mono;

/**
 * What a walk records, each time the history's memory together with the fetch's row: a
 * page once its commits are published ({@link History#remember} and
 * {@link FetchRecords#save}), and the walk's end once the fetch has completed
 * ({@link History#completed} and the COMPLETED fetch). The fetcher's PostgreSQL writes
 * each pair in one statement: one round trip instead of two, and never one without the
 * other.
 */
public interface WalkRecords {

	/**
	 * Remembers {@code shas} of {@code progressed}'s repository as published and writes
	 * {@code progressed} as it now stands; emits whether the fetch was written
	 * ({@link FetchRecords#save}); fails when the commits could not be remembered. The
	 * commits are remembered either way: they were published, whichever attempt did it.
	 */
	Mono<Boolean> record(Fetch progressed, Collection<String> shas);

	/**
	 * Marks {@code running}'s repository as being walked ({@link History#walking}) and
	 * writes {@code running} as it stands, both only while the fetch is still this
	 * attempt's; emits whether it was. A fetcher frozen in its first page while another
	 * took its fetch over must not undo what that one recorded of the repository.
	 */
	Mono<Boolean> walking(Fetch running);

	/**
	 * Remembers where the walk of {@code completed} left its repository and writes
	 * {@code completed}, both or neither; emits whether the fetch was written. Written
	 * apart, an instance stopping between the two left the repository remembered as
	 * fetched by a fetch still RUNNING: the instance that took that fetch up again found
	 * nothing new and ended it with none of the commits it published counted.
	 */
	Mono<Boolean> completed(Fetch completed, RepositoryMemory memory);

	/**
	 * One write after the other: the history's, then the fetch's (a failed page's fetch
	 * write is logged, and made good by the next page's); for a walk's start the fetch's
	 * first, and the history's only when it was written.
	 */
	static WalkRecords separately(History history, Fetches fetches) {
		return new WalkRecords() {

			@Override
			public Mono<Boolean> record(Fetch progressed, Collection<String> shas) {
				return history.remember(progressed.target(), shas).then(fetches.record(progressed));
			}

			@Override
			public Mono<Boolean> walking(Fetch running) {
				return fetches.record(running)
					.flatMap(
							written -> written ? history.walking(running.target()).thenReturn(true) : Mono.just(false));
			}

			@Override
			public Mono<Boolean> completed(Fetch completed, RepositoryMemory memory) {
				return history.completed(completed.target(), memory).then(fetches.write(completed));
			}

		};
	}

}
