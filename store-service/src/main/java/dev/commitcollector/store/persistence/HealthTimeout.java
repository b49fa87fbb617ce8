package dev.commitcollector.store.persistence;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long readiness's database check waits for PostgreSQL
 * ({@code STORE_HEALTH_TIMEOUT}): at zero every check would answer DOWN.
 */
@ConfigurationProperties("store")
@Validated
record HealthTimeout(@DefaultValue("5s") @NotNull @DurationMin(millis = 1,
		message = "STORE_HEALTH_TIMEOUT must be positive") Duration healthTimeout) {

}
