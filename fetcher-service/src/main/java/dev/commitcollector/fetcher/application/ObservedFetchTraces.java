package dev.commitcollector.fetcher.application;

import java.util.HashMap;
import java.util.Map;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.Watch;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link FetchTraces} with Micrometer Observation and Tracing: the request's trace is
 * read from the observation in the Reactor context (WebFlux puts the HTTP request's
 * there); a run is an observation {@code fetch.run} received from the fetch's
 * {@code traceparent}, with {@code fetchId} as W3C baggage, put in the run's Reactor
 * context so that every operator of the run (Reactor's automatic context propagation)
 * logs with its trace id, span id and fetch id, and every Kafka record it sends carries
 * them in its headers.
 */
@Component
class ObservedFetchTraces implements FetchTraces {

	private final ObservationRegistry observations;

	private final Tracer tracer;

	ObservedFetchTraces(ObservationRegistry observations, Tracer tracer) {
		this.observations = observations;
		this.tracer = tracer;
	}

	@Override
	public Mono<String> current() {
		return Mono.deferContextual(context -> {
			Observation caller = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			try (Observation.Scope scope = caller == null ? null : caller.openScope()) {
				Span span = tracer.currentSpan();
				if (span != null) {
					return Mono.just(traceparent(span.context()));
				}
			}
			Span root = tracer.nextSpan().name("fetch.requested").start();
			root.end();
			return Mono.just(traceparent(root.context()));
		});
	}

	@Override
	public <T> Mono<T> within(Fetch fetch, Mono<T> run) {
		return Mono.defer(() -> {
			Map<String, String> carrier = new HashMap<>();
			if (fetch.traceparent() != null) {
				carrier.put("traceparent", fetch.traceparent());
			}
			carrier.put("baggage", "fetchId=" + fetch.id());
			ReceiverContext<Map<String, String>> received = new ReceiverContext<>(Map::get);
			received.setCarrier(carrier);
			received.setRemoteServiceName("fetcher-service");
			Observation observation = Observation.createNotStarted("fetch.run", () -> received, observations)
				.contextualName("fetch " + fetch.target())
				.lowCardinalityKeyValue("provider", fetch.provider())
				.highCardinalityKeyValue("fetch.id", fetch.id().toString())
				.start();
			return observed(observation, run);
		});
	}

	@Override
	public <T> Mono<T> turn(Watch watch, Mono<T> turn) {
		return Mono.defer(() -> {
			Observation observation = Observation.createNotStarted("watch.turn", observations)
				.contextualName("watch " + watch.target())
				.lowCardinalityKeyValue("provider", watch.provider())
				.highCardinalityKeyValue("watch.id", watch.id().toString())
				.start();
			return observed(observation, turn);
		});
	}

	private static <T> Mono<T> observed(Observation observation, Mono<T> work) {
		return work.doOnError(observation::error)
			.doFinally(signal -> observation.stop())
			.contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation));
	}

	private static String traceparent(TraceContext context) {
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
	}

}
