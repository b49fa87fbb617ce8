package dev.commitcollector.fetcher.forge.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * Times every request to one forge instance: the timer {@code forge.requests}, tags
 * {@code provider} and {@code status} (the HTTP status code, {@code IO_ERROR} when no
 * answer came, or {@code CANCELLED} when the request was given up before its answer: a
 * deadline passed, or the fetch was handed over or cancelled). Registered at start with
 * status 200, so a dashboard reads 0 before the first request.
 */
public final class ForgeRequestMeter {

	private ForgeRequestMeter() {
	}

	/** The filter that times the requests of {@code provider}. */
	public static ExchangeFilterFunction timing(MeterRegistry registry, String provider) {
		timer(registry, provider, "200");
		return (request, next) -> Mono.defer(() -> {
			long started = System.nanoTime();
			AtomicBoolean recorded = new AtomicBoolean();
			Consumer<String> record = status -> {
				if (recorded.compareAndSet(false, true)) {
					timer(registry, provider, status).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				}
			};
			return next.exchange(request)
				.doOnNext(response -> record.accept(String.valueOf(response.statusCode().value())))
				.doOnError(error -> record.accept("IO_ERROR"))
				.doOnCancel(() -> record.accept("CANCELLED"));
		});
	}

	private static Timer timer(MeterRegistry registry, String provider, String status) {
		return Timer.builder("forge.requests")
			.description("Requests to a forge's API, by provider and answer status")
			.tag("provider", provider)
			.tag("status", status)
			.register(registry);
	}

}
