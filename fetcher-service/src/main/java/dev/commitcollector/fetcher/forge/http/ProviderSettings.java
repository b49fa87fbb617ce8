package dev.commitcollector.fetcher.forge.http;

import java.net.URI;
import java.time.Duration;

import dev.commitcollector.fetcher.domain.ForgeType;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One configured forge instance: its type, its API base URL (for plain git, the base the
 * remote URLs are built from), an optional token, the request timeout, how many requests
 * it may get at once, and whether its token may travel over plain {@code http://} (never,
 * unless said so: a local stub, say).
 */
public record ProviderSettings(ForgeType type, URI apiUrl, String token, @DefaultValue("20s") Duration timeout,
		@DefaultValue("1") int maxConcurrentRequests, @DefaultValue("false") boolean allowInsecureHttp) {

	@ConstructorBinding
	public ProviderSettings {
		if (type == null) {
			throw new SettingRefused("type", "a provider needs a type: github, gitlab, bitbucket, gitea or git");
		}
		if (apiUrl == null || apiUrl.getScheme() == null) {
			throw new SettingRefused("api-url",
					"a " + type.id() + " provider needs an absolute api-url, " + (type == ForgeType.GIT
							? "such as https://github.com or file:///srv/git" : "such as https://host/api"));
		}
		if (type != ForgeType.GIT && !isHttpBase(apiUrl)) {
			throw new SettingRefused("api-url", "a " + type.id()
					+ " provider's api-url must be an http(s) URL with a host and no query or fragment");
		}
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new SettingRefused("timeout", "a provider's timeout must be positive, such as 20s");
		}
		if (maxConcurrentRequests < 1) {
			throw new SettingRefused("max-concurrent-requests",
					"a provider's max-concurrent-requests must be at least 1");
		}
	}

	private static boolean isHttpBase(URI url) {
		return ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))
				&& url.getHost() != null && url.getRawQuery() == null && url.getRawFragment() == null;
	}

	/** A provider whose token never travels over plain http. */
	public ProviderSettings(ForgeType type, URI apiUrl, String token, Duration timeout, int maxConcurrentRequests) {
		this(type, apiUrl, token, timeout, maxConcurrentRequests, false);
	}

	/** True when a token would be sent in clear text and nobody allowed it. */
	public boolean sendsTokenInClearText() {
		return hasToken() && "http".equalsIgnoreCase(apiUrl.getScheme()) && !allowInsecureHttp;
	}

	public boolean hasToken() {
		return token != null && !token.isBlank();
	}

	@Override
	public String toString() {
		return "ProviderSettings[type=" + type + ", apiUrl=" + apiUrl + ", token=" + (hasToken() ? "(set)" : "(none)")
				+ ", timeout=" + timeout + ", maxConcurrentRequests=" + maxConcurrentRequests + ", allowInsecureHttp="
				+ allowInsecureHttp + "]";
	}

}
