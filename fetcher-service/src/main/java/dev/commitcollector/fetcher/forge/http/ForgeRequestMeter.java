package dev.commitcollector.fetcher.forge.http;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Times every request to one forge instance: the timer {@code forge.requests}, tags
 * {@code provider} and {@code status} (the HTTP status code, or {@code IO_ERROR} when no
 * answer came). Registered at start with status 200, so a dashboard reads 0 before the
 * first request.
 */
public final class ForgeRequestMeter {

	private ForgeRequestMeter() {
	}

	/** The filter that times the requests of {@code provider}. */
	public static ExchangeFilterFunction timing(MeterRegistry registry, String provider) {
		timer(registry, provider, "200");
		return (request, next) -> {
			long started = System.nanoTime();
			return next.exchange(request)
				.doOnNext(response -> timer(registry, provider, String.valueOf(response.statusCode().value()))
					.record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
				.doOnError(error -> timer(registry, provider, "IO_ERROR").record(System.nanoTime() - started,
						TimeUnit.NANOSECONDS));
		};
	}

	private static Timer timer(MeterRegistry registry, String provider, String status) {
		return Timer.builder("forge.requests")
			.description("Requests to a forge's API, by provider and answer status")
			.tag("provider", provider)
			.tag("status", status)
			.register(registry);
	}

}
