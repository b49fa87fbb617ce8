package dev.commitcollector.fetcher.persistence;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the fetcher waits for PostgreSQL to start answering one statement (its first
 * result, so also how long a statement may run before its first row) before it takes the
 * connection for lost: a half-open connection (the database's host gone without a word)
 * would otherwise hold a fetch, or a request, until the fetcher restarts. The fetcher's
 * statements are key lookups and small writes that answer in milliseconds.
 */
@ConfigurationProperties("fetcher.database")
@Validated
record DatabaseSettings(@DefaultValue("30s") @NotNull @DurationMin(millis = 1,
		message = "FETCHER_DB_STATEMENT_TIMEOUT must be positive") Duration statementTimeout) {
}
