package dev.commitcollector.store;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many times a start tries to reach PostgreSQL ({@code DB_CONNECT_RETRIES}, given to
 * Flyway), checked at start: Flyway refuses a negative count with a stack trace.
 */
@ConfigurationProperties("db.connect")
@Validated
record ConnectRetries(
		@DefaultValue("24") @Min(value = 0, message = "DB_CONNECT_RETRIES must be 0 or more") int retries) {

}
