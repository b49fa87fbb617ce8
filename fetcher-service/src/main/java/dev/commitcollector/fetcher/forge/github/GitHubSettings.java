package dev.commitcollector.fetcher.forge.github;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the GitHub API is ({@code https://api.github.com}, or {@code https://host/api/v3} for GitHub
 * Enterprise Server) and the optional token sent as {@code Authorization: Bearer}.
 */
@ConfigurationProperties("forges.github")
record GitHubSettings(@DefaultValue("https://api.github.com") URI apiUrl, String token,
		@DefaultValue("20s") Duration timeout) {

	boolean hasToken() {
		return token != null && !token.isBlank();
	}

	@Override
	public String toString() {
		return "GitHubSettings[apiUrl=" + apiUrl + ", token=" + (hasToken() ? "(set)" : "(none)") + ", timeout="
				+ timeout + "]";
	}

}
