package dev.commitcollector.fetcher.persistence;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Readiness's database check ({@code r2dbc}), DOWN when PostgreSQL has not answered
 * within {@link #TIMEOUT}, as the store's and the query service's are. Boot's own check
 * waits as long as the pool does: with PostgreSQL frozen (found by an acceptance probe,
 * SIGSTOP of the postmaster) the fetcher's readiness probe did not answer at all.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealth {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Bean
	ReactiveHealthIndicator r2dbcHealthIndicator(ConnectionFactory connections) {
		return bounded(connections, TIMEOUT);
	}

	static ReactiveHealthIndicator bounded(ConnectionFactory connections, Duration timeout) {
		ConnectionFactoryHealthIndicator check = new ConnectionFactoryHealthIndicator(connections);
		return () -> check.health()
			.timeout(timeout, Mono.fromSupplier(
					() -> Health.down().withDetail("error", "PostgreSQL did not answer within " + timeout).build()));
	}

}
