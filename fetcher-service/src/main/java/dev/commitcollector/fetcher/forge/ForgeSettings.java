package dev.commitcollector.fetcher.forge;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured providers by name:
 * {@code forges.providers.<name>.type|api-url|token|...}. Built-ins come from
 * application.yml; more are added by configuration alone, environment variables included
 * ({@code FORGES_PROVIDERS_GHE_TYPE=github},
 * {@code FORGES_PROVIDERS_GHE_APIURL=https://ghe.example.com/api/v3}).
 */
@ConfigurationProperties("forges")
record ForgeSettings(Map<String, ProviderSettings> providers) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	ForgeSettings {
		providers = providers == null ? Map.of() : new TreeMap<>(providers);
		for (String name : providers.keySet()) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("provider name '" + name
						+ "' must be lowercase letters, digits and '-' (at most 40 characters)");
			}
		}
	}

}
