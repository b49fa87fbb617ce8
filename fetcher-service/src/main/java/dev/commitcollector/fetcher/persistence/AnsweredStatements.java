package dev.commitcollector.fetcher.persistence;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The fetcher's {@link DatabaseClient}: every statement must start answering within
 * {@code fetcher.database.statement-timeout}, or it fails as a
 * {@link QueryTimeoutException}, which the callers already handle as the database being
 * away (a request answers 503; a fetch fails or retries as it does when PostgreSQL is
 * down). PostgreSQL's own {@code statement_timeout} cannot do this: a server that is gone
 * sends nothing, and TCP keepalive takes hours by default.
 */
@Configuration(proxyBeanMethods = false)
class AnsweredStatements {

	@Bean
	DatabaseClient databaseClient(ConnectionFactory connections, DatabaseSettings settings) {
		return client(connections, settings.statementTimeout());
	}

	static DatabaseClient client(ConnectionFactory connections, Duration timeout) {
		return DatabaseClient.builder()
			.connectionFactory(connections)
			// the first answer only: rows that follow may take as long as their reader
			// does
			.executeFunction(statement -> Flux.from(statement.execute())
				.timeout(Mono.delay(timeout), result -> Mono.never())
				.onErrorMap(TimeoutException.class,
						late -> new QueryTimeoutException("PostgreSQL did not answer a statement within " + timeout
								+ "; the connection is taken for lost", late)))
			.build();
	}

}
