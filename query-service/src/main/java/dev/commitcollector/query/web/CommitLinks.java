package dev.commitcollector.query.web;

import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to link a commit on its forge, per provider: a template with {@code {repository}}
 * and {@code {sha}}. A provider without a template gets no link.
 */
@ConfigurationProperties("query")
record CommitLinks(@DefaultValue Map<String, String> commitUrls) {

	/**
	 * The links of one repository's commits: the template filled in with the repository
	 * once, split where the sha goes, for a page of commits.
	 */
	OfRepository of(String provider, String repository) {
		String template = commitUrls == null ? null : commitUrls.get(provider);
		return new OfRepository(template == null || template.isBlank() ? null
				: template.replace("{repository}", repository).split(SHA, -1));
	}

	private static final String SHA = Pattern.quote("{sha}");

	/** A repository's commit links; none when its provider has no template. */
	record OfRepository(String @Nullable [] around) {

		@Nullable String urlOf(String sha) {
			if (around == null) {
				return null;
			}
			if (around.length == 2) {
				return around[0] + sha + around[1];
			}
			StringBuilder url = new StringBuilder(around[0]);
			for (int i = 1; i < around.length; i++) {
				url.append(sha).append(around[i]);
			}
			return url.toString();
		}

	}

}
