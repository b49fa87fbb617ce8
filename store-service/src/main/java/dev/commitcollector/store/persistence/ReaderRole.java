package dev.commitcollector.store.persistence;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query-service's read-only role, which {@code afterMigrate.sql} creates or updates
 * on every start. Flyway placeholders are pasted into the SQL as text, so the password
 * travels hex-encoded (nothing in it can end a literal or a dollar-quoted block) and the
 * role name must be a plain identifier.
 */
@Configuration(proxyBeanMethods = false)
class ReaderRole {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	@Bean
	FlywayConfigurationCustomizer readerRolePlaceholders(Settings reader) {
		return configuration -> {
			Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
			placeholders.putAll(placeholders(reader.user(), reader.password()));
			configuration.placeholders(placeholders);
		};
	}

	/**
	 * The placeholders {@code afterMigrate.sql} reads: {@code reader_user} and
	 * {@code reader_password_hex}.
	 */
	static Map<String, String> placeholders(String user, String password) {
		if (user == null || !IDENTIFIER.matcher(user).matches()) {
			throw new IllegalArgumentException(
					"QUERY_DB_USER must be a lowercase SQL identifier (letters, digits, _), was '" + user + "'");
		}
		if (password == null || password.isEmpty()) {
			throw new IllegalArgumentException("QUERY_DB_PASSWORD must not be empty");
		}
		return Map.of("reader_user", user, "reader_password_hex",
				HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8)));
	}

	/** Who the query-service connects as. */
	@ConfigurationProperties("store.reader")
	record Settings(@DefaultValue("commit_reader") String user, @DefaultValue("commit_reader") String password) {

		@Override
		public String toString() {
			return "Settings[user=" + user + ", password=(set)]";
		}

	}

}
