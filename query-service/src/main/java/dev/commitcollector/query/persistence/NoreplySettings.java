package dev.commitcollector.query.persistence;

import java.util.Map;
import java.util.Optional;

import dev.commitcollector.query.domain.NoreplyRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per provider, the form and domain of its noreply commit addresses
 * ({@code query.identities.noreply.<provider>.form} and {@code .domain}); a provider
 * without one has no noreply rule in the merged view.
 */
@ConfigurationProperties("query.identities")
record NoreplySettings(Map<String, Noreply> noreply) {

	NoreplySettings {
		noreply = noreply == null ? Map.of() : Map.copyOf(noreply);
	}

	Optional<NoreplyRule> ruleFor(String provider) {
		Noreply settings = noreply.get(provider);
		return settings == null || settings.form() == null || settings.domain() == null || settings.domain().isBlank()
				? Optional.empty() : Optional.of(new NoreplyRule(settings.form(), settings.domain()));
	}

	/** One provider's noreply form. */
	record Noreply(NoreplyRule.Form form, String domain) {
	}

}
