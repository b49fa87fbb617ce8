package dev.commitcollector.fetcher.forge.gitea;

import java.time.Clock;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.ForgeFactory;
import dev.commitcollector.fetcher.forge.ProviderSettings;
import dev.commitcollector.fetcher.forge.RetrySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** Gitea and Forgejo instances, codeberg.org among them. */
@Component
class GiteaForgeFactory implements ForgeFactory {

	private final RetrySettings retry;

	private final WebClient.Builder http;

	private final Clock clock;

	GiteaForgeFactory(RetrySettings retry, WebClient.Builder http, Clock clock) {
		this.retry = retry;
		this.http = http;
		this.clock = clock;
	}

	@Override
	public ForgeType type() {
		return ForgeType.GITEA;
	}

	@Override
	public Forge create(String provider, ProviderSettings settings) {
		return new GiteaForge(provider, settings, retry, http, clock);
	}

}
