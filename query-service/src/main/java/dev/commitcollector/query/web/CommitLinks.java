package dev.commitcollector.query.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
	 * A template that is not an http(s) URL with {@code {sha}} in it (a typo, a
	 * {@code javascript:} link, a placeholder misspelt as {@code {hash}}) refuses to
	 * start, instead of giving every commit the same wrong link.
	 */
	CommitLinks {
		if (commitUrls != null) {
			commitUrls.forEach((provider, template) -> {
				if (template != null && !template.isBlank() && !linksACommit(template)) {
					throw new IllegalArgumentException("the commit link template of provider '" + provider + "' ("
							+ variable(provider) + ") must be an http(s) URL with {sha} in it, was '" + template + "'");
				}
			});
		}
	}

	/**
	 * The environment variable that sets it (application.yml names the built-in ones).
	 */
	private static String variable(String provider) {
		String upper = provider.toUpperCase(Locale.ROOT).replace('-', '_');
		return BUILT_IN.contains(provider) ? upper + "_COMMIT_URL" : "QUERY_COMMITURLS_" + upper;
	}

	private static final Set<String> BUILT_IN = Set.of("github", "gitlab", "bitbucket", "codeberg");

	private static boolean linksACommit(String template) {
		String lower = template.toLowerCase(Locale.ROOT);
		return (lower.startsWith("https://") || lower.startsWith("http://")) && template.contains("{sha}");
	}

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
