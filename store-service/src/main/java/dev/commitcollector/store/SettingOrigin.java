package dev.commitcollector.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Where a property's value came from, as a person sets it: the environment variable
 * application.yml reads it from ({@code ${WATCH_MAX:10000}} is {@code WATCH_MAX}), the
 * variable that set it directly ({@code FORGES_PROVIDERS_GHE_APIURL}), else the
 * property's own name; and the value it was given there.
 */
record SettingOrigin(String variable, Object value, boolean hasDefault) {

	private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_.-]+)(:?)");

	private static final int MAX_SHOWN = 100;

	private static final Pattern SECRET = Pattern.compile("(?i)token|password|secret|key");

	static SettingOrigin of(Environment environment, String property, Object given) {
		ConfigurationPropertyName name = ConfigurationPropertyName.adapt(property, '.');
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				return of(environment, property, found, given);
			}
		}
		return new SettingOrigin(property, given, false);
	}

	private static SettingOrigin of(Environment environment, String property, ConfigurationProperty found,
			Object given) {
		Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(found.getValue()));
		if (placeholder.find()) {
			String variable = placeholder.group(1);
			Object value = environment.getProperty(variable);
			return new SettingOrigin(variable, value != null ? value : given, !placeholder.group(2).isEmpty());
		}
		Origin origin = found.getOrigin();
		if (origin instanceof SystemEnvironmentOrigin variable) {
			return new SettingOrigin(variable.getProperty(), found.getValue(), false);
		}
		if (origin instanceof PropertySourceOrigin source
				&& source.getPropertySource() instanceof SystemEnvironmentPropertySource) {
			return new SettingOrigin(source.getPropertyName(), found.getValue(), false);
		}
		return new SettingOrigin(property, found.getValue(), false);
	}

	/**
	 * The value as a report shows it: quoted, cut, with no control characters; never the
	 * value of a secret (a token, a password, a key), which a report goes to the logs
	 * with.
	 */
	String shownValue() {
		if (SECRET.matcher(variable).find()) {
			return "(not shown: a secret)";
		}
		String text = value == null ? "" : value.toString();
		if (text.isEmpty()) {
			return "empty";
		}
		return "'" + (text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text).replaceAll("\\p{Cntrl}",
				"?") + "'";
	}

	/** What the report's action says besides setting it right. */
	String orDefault() {
		return hasDefault ? ", or leave it unset for its default" : "";
	}

}
