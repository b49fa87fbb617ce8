package dev.commitcollector.fetcher.forge.gitlab;

import java.time.Clock;

import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.HttpForgeFactory;
import dev.commitcollector.fetcher.forge.RetrySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** gitlab.com and self-managed GitLab instances. */
@Component
class GitLabForgeFactory extends HttpForgeFactory {

	GitLabForgeFactory(RetrySettings retry, WebClient.Builder http, Clock clock) {
		super(ForgeType.GITLAB, GitLabForge::new, retry, http, clock);
	}

}
