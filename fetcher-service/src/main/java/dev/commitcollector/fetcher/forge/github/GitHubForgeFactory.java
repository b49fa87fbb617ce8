package dev.commitcollector.fetcher.forge.github;

import java.time.Clock;

import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.HttpForgeFactory;
import dev.commitcollector.fetcher.forge.RetrySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** GitHub and GitHub Enterprise Server instances. */
@Component
class GitHubForgeFactory extends HttpForgeFactory {

	GitHubForgeFactory(RetrySettings retry, WebClient.Builder http, Clock clock) {
		super(ForgeType.GITHUB, GitHubForge::new, retry, http, clock);
	}

}
