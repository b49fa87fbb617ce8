package dev.commitcollector.fetcher.application;

import java.time.Duration;
import java.util.Locale;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@link FetchMeters} in Micrometer: the timer {@code fetches} (tags {@code provider},
 * {@code outcome}: completed or failed, from request to end) and the counters
 * {@code forge.rate.limit.waits}, {@code commits.published}, {@code commits.unreadable}
 * and {@code mailmaps.failed} (tag {@code provider}). Every meter of every configured
 * provider is registered at start, so a dashboard reads 0 before the first fetch.
 */
@Component
class MicrometerFetchMeters implements FetchMeters {

	private final MeterRegistry registry;

	MicrometerFetchMeters(MeterRegistry registry, Forges forges) {
		this.registry = registry;
		for (String provider : forges.providers()) {
			for (FetchStatus outcome : new FetchStatus[] { FetchStatus.COMPLETED, FetchStatus.FAILED }) {
				fetches(provider, outcome);
			}
			rateLimitWaits(provider);
			published(provider);
			unreadable(provider);
			mailmapsFailed(provider);
		}
	}

	@Override
	public void ended(Fetch fetch) {
		if (fetch.finishedAt() != null) {
			fetches(fetch.provider(), fetch.status()).record(Duration.between(fetch.startedAt(), fetch.finishedAt()));
		}
	}

	@Override
	public void waitedForRateLimit(String provider) {
		rateLimitWaits(provider).increment();
	}

	@Override
	public void published(String provider, int count) {
		published(provider).increment(count);
	}

	@Override
	public void unreadable(String provider, int count) {
		unreadable(provider).increment(count);
	}

	@Override
	public void mailmapFailed(String provider) {
		mailmapsFailed(provider).increment();
	}

	private Timer fetches(String provider, FetchStatus outcome) {
		return Timer.builder("fetches")
			.description("Fetches from request to end, by provider and outcome")
			.tag("provider", provider)
			.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
			.register(registry);
	}

	private Counter rateLimitWaits(String provider) {
		return Counter.builder("forge.rate.limit.waits")
			.description("Waits for a forge's rate limit to lift")
			.tag("provider", provider)
			.register(registry);
	}

	private Counter published(String provider) {
		return Counter.builder("commits.published")
			.description("Commits published as CommitDiscovered events and acknowledged by Kafka")
			.tag("provider", provider)
			.register(registry);
	}

	private Counter unreadable(String provider) {
		return Counter.builder("commits.unreadable")
			.description("Commits a forge sent that could not be read (no sha, dates or author): set aside, logged")
			.tag("provider", provider)
			.register(registry);
	}

	private Counter mailmapsFailed(String provider) {
		return Counter.builder("mailmaps.failed")
			.description("Fetches whose .mailmap could not be read or published (the fetch went on without it)")
			.tag("provider", provider)
			.register(registry);
	}

}
