package dev.commitcollector.fetcher.forge;

import java.net.URI;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The HTTP client set-up every forge adapter shares: timeouts, a User-Agent, room for a
 * full page.
 */
public final class ForgeHttp {

	/**
	 * A page of 100 GitHub commits is about 400 KB; WebFlux's default buffer limit is 256
	 * KB.
	 */
	static final int MAX_PAGE_BYTES = 16 * 1024 * 1024;

	private ForgeHttp() {
	}

	public static WebClient.Builder client(WebClient.Builder builder, URI baseUrl, Duration timeout) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
			.responseTimeout(timeout)
			.followRedirect(false);
		return builder.clone()
			.baseUrl(baseUrl.toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_PAGE_BYTES))
			.defaultHeader("User-Agent", "commit-collector");
	}

	/**
	 * The gate every request to one forge instance passes: a bound on concurrent
	 * requests, and pacing.
	 */
	public static Gate gate(ProviderSettings settings, RetrySettings retry, java.time.Clock clock) {
		return new Gate(new dev.commitcollector.fetcher.application.Permits(settings.maxConcurrentRequests()),
				new RateBudget(clock, retry.maxRateLimitWait()));
	}

	/**
	 * Requests to one forge instance: at most its configured number at once (one by
	 * default, as GitHub asks), each paced by what the instance says is left of its rate
	 * limit.
	 */
	public record Gate(dev.commitcollector.fetcher.application.Permits permits, RateBudget budget) {

		public <T> reactor.core.publisher.Mono<T> run(reactor.core.publisher.Mono<T> request) {
			return permits.run(reactor.core.publisher.Mono.defer(() -> {
				Duration pause = budget.pause();
				return pause.isZero() ? request : reactor.core.publisher.Mono.delay(pause).then(request);
			}));
		}

		public void observe(org.springframework.http.HttpHeaders headers) {
			budget.observe(headers);
		}

	}

	/**
	 * True when {@code link} points into the configured API, so a forge can never
	 * redirect us (and our token) elsewhere.
	 */
	public static boolean isWithin(URI baseUrl, String link) {
		URI target;
		try {
			target = URI.create(link);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		String base = baseUrl.toString().replaceAll("/+$", "");
		return target.getScheme() != null && target.getScheme().equalsIgnoreCase(baseUrl.getScheme())
				&& (target.toString().equals(base) || target.toString().startsWith(base + "/"));
	}

}
