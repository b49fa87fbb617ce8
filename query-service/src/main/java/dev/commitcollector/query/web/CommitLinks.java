package dev.commitcollector.query.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to link a commit on its forge, per provider: a template with {@code {repository}}
 * and {@code {sha}}. A provider without a template gets no link.
 */
@ConfigurationProperties("query")
record CommitLinks(@DefaultValue Map<String, String> commitUrls) {

	String urlOf(String provider, String repository, String sha) {
		String template = commitUrls == null ? null : commitUrls.get(provider);
		return template == null || template.isBlank() ? null
				: template.replace("{repository}", repository).replace("{sha}", sha);
	}

}
