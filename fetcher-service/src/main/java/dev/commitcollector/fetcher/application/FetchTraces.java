package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.Fetch;
import reactor.core.publisher.Mono;

/**
 * Where a fetch's trace comes from and how its run joins it: a fetch belongs to the trace
 * of the request that asked for it (or of a new trace when nothing asked, as for a
 * watch's turn), and its run, wherever it runs, is a span of that trace carrying the
 * fetch id, so every log line and every event of the run names both.
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

	};

	/**
	 * The W3C {@code traceparent} of the trace the caller is part of, else of a new
	 * trace; empty when nothing is traced.
	 */
	Mono<String> current();

	/** {@code run} as a span of {@code fetch}'s trace, with the fetch id as baggage. */
	<T> Mono<T> within(Fetch fetch, Mono<T> run);

}
