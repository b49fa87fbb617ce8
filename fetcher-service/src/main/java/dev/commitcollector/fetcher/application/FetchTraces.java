package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.Watch;
import reactor.core.publisher.Mono;

/**
 * Where a fetch's trace comes from and how its run joins it: a fetch belongs to the trace
 * of the request that asked for it (a watch's turn is a trace of its own), and its run,
 * wherever it runs, is a span of that trace carrying the fetch id, so every log line and
 * every event of the run names both.
 */
public interface FetchTraces {

	/** No tracing: for tests that run fetches directly. */
	FetchTraces NONE = new FetchTraces() {

		@Override
		public Mono<String> current() {
			return Mono.empty();
		}

		@Override
		public <T> Mono<T> within(Fetch fetch, Mono<T> run) {
			return run;
		}

		@Override
		public <T> Mono<T> turn(Watch watch, Mono<T> turn) {
			return turn;
		}

	};

	/**
	 * The W3C {@code traceparent} of the trace the caller is part of, else of a new
	 * trace; empty when nothing is traced.
	 */
	Mono<String> current();

	/** {@code run} as a span of {@code fetch}'s trace, with the fetch id as baggage. */
	<T> Mono<T> within(Fetch fetch, Mono<T> run);

	/**
	 * {@code turn} as a new trace of its own: what the watch's turn logs names it, and
	 * the fetch the turn starts belongs to it ({@link #current}).
	 */
	<T> Mono<T> turn(Watch watch, Mono<T> turn);

}
