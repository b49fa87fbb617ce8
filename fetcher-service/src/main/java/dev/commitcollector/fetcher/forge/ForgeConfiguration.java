package dev.commitcollector.fetcher.forge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.forge.bitbucket.BitbucketForge;
import dev.commitcollector.fetcher.forge.git.GitForge;
import dev.commitcollector.fetcher.forge.git.GitSettings;
import dev.commitcollector.fetcher.forge.git.GitWorkDir;
import dev.commitcollector.fetcher.forge.gitea.GiteaForge;
import dev.commitcollector.fetcher.forge.github.GitHubForge;
import dev.commitcollector.fetcher.forge.gitlab.GitLabForge;
import dev.commitcollector.fetcher.forge.http.ForgeRequestMeter;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import dev.commitcollector.fetcher.forge.http.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** One adapter per configured provider, by the provider's forge type. */
@Configuration(proxyBeanMethods = false)
class ForgeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ForgeConfiguration.class);

	@Bean(destroyMethod = "close")
	GitWorkDir gitWorkDir(Clock clock) {
		return GitWorkDir.clearedOfLeftovers(clock);
	}

	@Bean
	Forges forges(ForgeSettings settings, RetrySettings retry, GitSettings git, GitWorkDir gitWorkDir,
			WebClient.Builder builder, MeterRegistry meters, Clock clock) {
		List<Forge> forges = new ArrayList<>();
		settings.providers().forEach((name, provider) -> {
			refuseUserInfo(name, provider);
			refuseTokenInClearText(name, provider);
			log.info("provider {}: {}", name, provider);
			WebClient.Builder http = builder.clone().filter(ForgeRequestMeter.timing(meters, name));
			forges.add(switch (provider.type()) {
				case GITHUB -> new GitHubForge(name, provider, retry, http, clock);
				case GITLAB -> new GitLabForge(name, provider, retry, http, clock);
				case BITBUCKET -> new BitbucketForge(name, provider, retry, http, clock);
				case GITEA -> new GiteaForge(name, provider, retry, http, clock);
				case GIT -> new GitForge(name, provider, retry, git, gitWorkDir, clock);
			});
		});
		return new Forges(forges);
	}

	/**
	 * Credentials in the URL would be logged with it, and the HTTP forges would not send
	 * them: every type takes them from its token setting only. The URL is not repeated.
	 */
	private static void refuseUserInfo(String name, ProviderSettings provider) {
		if (provider.apiUrl().getRawUserInfo() != null) {
			throw new IllegalStateException("provider '" + name + "' has user info (user:password@) in its api-url;"
					+ " take it out and put the credentials in forges.providers." + name + ".token");
		}
	}

	private static void refuseTokenInClearText(String name, ProviderSettings provider) {
		if (provider.sendsTokenInClearText()) {
			throw new IllegalStateException("provider '" + name + "' would send its token over plain "
					+ provider.apiUrl() + "; use an https api-url, or set forges.providers." + name
					+ ".allow-insecure-http=true where the network is trusted");
		}
	}

}
