package dev.commitcollector.fetcher.forge.github;

import java.time.Clock;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.ForgeFactory;
import dev.commitcollector.fetcher.forge.ProviderSettings;
import dev.commitcollector.fetcher.forge.RetrySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** GitHub and GitHub Enterprise Server instances. */
@Component
class GitHubForgeFactory implements ForgeFactory {

	private final RetrySettings retry;

	private final WebClient.Builder http;

	private final Clock clock;

	GitHubForgeFactory(RetrySettings retry, WebClient.Builder http, Clock clock) {
		this.retry = retry;
		this.http = http;
		this.clock = clock;
	}

	@Override
	public ForgeType type() {
		return ForgeType.GITHUB;
	}

	@Override
	public Forge create(String provider, ProviderSettings settings) {
		return new GitHubForge(provider, settings, retry, http, clock);
	}

}
