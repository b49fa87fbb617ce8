package dev.commitcollector.query.persistence;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The query-service's {@link DatabaseClient} and readiness's database check, each with
 * the deadline {@link AnsweredStatements} sets.
 */
@Configuration(proxyBeanMethods = false)
class AnsweredReads {

	@Bean
	DatabaseClient databaseClient(ConnectionFactory connections, AnsweredStatements statements) {
		return DatabaseClient.builder()
			.connectionFactory(connections)
			.executeFunction(statement -> statements.answered(statement.execute()))
			.build();
	}

	/**
	 * Readiness's database check, DOWN when PostgreSQL has not answered within
	 * {@code healthTimeout} (Boot's own waits as long as PostgreSQL does).
	 */
	@Bean
	ReactiveHealthIndicator r2dbcHealthIndicator(ConnectionFactory connections, AnsweredStatements statements) {
		ConnectionFactoryHealthIndicator check = new ConnectionFactoryHealthIndicator(connections);
		Duration timeout = statements.healthTimeout();
		return () -> check.health()
			.timeout(timeout, Mono.fromSupplier(
					() -> Health.down().withDetail("error", "PostgreSQL did not answer within " + timeout).build()));
	}

}
