package dev.commitcollector.fetcher.kafka;

import java.util.concurrent.Callable;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a Kafka send off the event loops, in the scope of the observation the caller's
 * Reactor context holds (an HTTP request's, a fetch's run): the template's own
 * observation is then its child, and the record's headers carry that trace.
 */
final class InObservation {

	private InObservation() {
	}

	static <T> Mono<T> call(Callable<T> send) {
		return Mono.deferContextual(context -> {
			Observation current = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			return Mono.fromCallable(() -> {
				try (Observation.Scope scope = current == null ? null : current.openScope()) {
					return send.call();
				}
			}).subscribeOn(Schedulers.boundedElastic());
		});
	}

}
