package dev.commitcollector.fetcher;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where PostgreSQL is, as {@code POSTGRES_HOST}, {@code POSTGRES_PORT} and
 * {@code POSTGRES_DB} say (application.yml builds the driver's and Flyway's URLs from
 * them), and how often a start tries to reach it ({@code DB_CONNECT_RETRIES}). Checked at
 * start, naming the variable: a port that was not one failed deep in the driver, and
 * Flyway took a URL it could not parse for PostgreSQL being away, trying it again for ten
 * minutes.
 */
@ConfigurationProperties("postgres")
@Validated
record PostgresAddress(@DefaultValue("localhost") @NotBlank(message = "POSTGRES_HOST must not be blank") String host,
		@DefaultValue("5432") @Pattern(regexp = PORT_NUMBER, message = PORT) String port,
		@DefaultValue("commits") @NotBlank(message = "POSTGRES_DB must not be blank") String db) {

	static final String PORT = "POSTGRES_PORT must be a port number, from 1 to 65535";

	/**
	 * 1 to 65535, in one constraint: three (digits, at least, at most) each reported a
	 * port that is no number.
	 */
	static final String PORT_NUMBER = "\\s*0*(6553[0-5]|655[0-2]\\d|65[0-4]\\d\\d|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})\\s*";

}
