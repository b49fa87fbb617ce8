package dev.commitcollector.fetcher.forge.bitbucket;

import java.time.Clock;

import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.HttpForgeFactory;
import dev.commitcollector.fetcher.forge.RetrySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** Bitbucket Cloud (Bitbucket Data Center has another API). */
@Component
class BitbucketForgeFactory extends HttpForgeFactory {

	BitbucketForgeFactory(RetrySettings retry, WebClient.Builder http, Clock clock) {
		super(ForgeType.BITBUCKET, BitbucketForge::new, retry, http, clock);
	}

}
