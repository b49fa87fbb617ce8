package dev.commitcollector.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
		@DefaultValue("5432") @Pattern(regexp = "\\s*\\d{1,5}\\s*", message = PORT) @Min(value = 1,
				message = PORT) @Max(value = 65535, message = PORT) String port,
		@DefaultValue("commits") @NotBlank(message = "POSTGRES_DB must not be blank") String db) {

	static final String PORT = "POSTGRES_PORT must be a port number, from 1 to 65535";

}
