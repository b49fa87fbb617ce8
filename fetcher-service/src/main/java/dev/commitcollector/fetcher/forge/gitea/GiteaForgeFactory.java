package dev.commitcollector.fetcher.forge.gitea;

import java.time.Clock;

import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.HttpForgeFactory;
import dev.commitcollector.fetcher.forge.RetrySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** Gitea and Forgejo instances, codeberg.org among them. */
@Component
class GiteaForgeFactory extends HttpForgeFactory {

	GiteaForgeFactory(RetrySettings retry, WebClient.Builder http, Clock clock) {
		super(ForgeType.GITEA, GiteaForge::new, retry, http, clock);
	}

}
