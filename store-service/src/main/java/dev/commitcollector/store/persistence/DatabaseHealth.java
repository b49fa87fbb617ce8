package dev.commitcollector.store.persistence;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Readiness's database check, DOWN when PostgreSQL has not answered within
 * {@code store.health-timeout} (5 s). Boot's own check waits as long as the pool does: a
 * hung PostgreSQL (a stalled host, a frozen server) kept a readiness probe waiting a
 * minute, through every acquisition the pool retries.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealth {

	@Bean
	ReactiveHealthIndicator r2dbcHealthIndicator(ConnectionFactory connections, HealthTimeout timeout) {
		return bounded(connections, timeout.healthTimeout());
	}

	static ReactiveHealthIndicator bounded(ConnectionFactory connections, Duration timeout) {
		ConnectionFactoryHealthIndicator check = new ConnectionFactoryHealthIndicator(connections);
		return () -> check.health()
			.timeout(timeout, Mono.fromSupplier(
					() -> Health.down().withDetail("error", "PostgreSQL did not answer within " + timeout).build()));
	}

}
