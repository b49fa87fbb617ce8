package dev.commitcollector.fetcher.forge;

import java.time.Clock;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.ForgeType;
import org.springframework.web.reactive.function.client.WebClient;

/** Makes an HTTP adapter for a configured instance from what every one of them needs. */
public abstract class HttpForgeFactory implements ForgeFactory {

	private final ForgeType type;

	private final Adapter adapter;

	private final RetrySettings retry;

	private final WebClient.Builder http;

	private final Clock clock;

	protected HttpForgeFactory(ForgeType type, Adapter adapter, RetrySettings retry, WebClient.Builder http,
			Clock clock) {
		this.type = type;
		this.adapter = adapter;
		this.retry = retry;
		this.http = http;
		this.clock = clock;
	}

	@Override
	public final ForgeType type() {
		return type;
	}

	@Override
	public final Forge create(String provider, ProviderSettings settings) {
		return adapter.create(provider, settings, retry, http, clock);
	}

	/** An adapter's constructor. */
	@FunctionalInterface
	protected interface Adapter {

		Forge create(String provider, ProviderSettings settings, RetrySettings retry, WebClient.Builder http,
				Clock clock);

	}

}
