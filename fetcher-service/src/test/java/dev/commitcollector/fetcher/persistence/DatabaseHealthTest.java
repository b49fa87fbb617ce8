package dev.commitcollector.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

/**
 * The fetcher's readiness database check answers DOWN when PostgreSQL does not answer at
 * all.
 */
class DatabaseHealthTest {

	/** PostgreSQL hung: a connection is never handed out. */
	private static final ConnectionFactory HUNG = new ConnectionFactory() {
		@Override
		public Publisher<? extends Connection> create() {
			return Mono.never();
		}

		@Override
		public ConnectionFactoryMetadata getMetadata() {
			return () -> "PostgreSQL";
		}
	};

	@Test
	void saysDownWhenPostgresDoesNotAnswerWithinItsTimeout() {
		Health health = DatabaseHealth.bounded(HUNG, Duration.ofMillis(200)).health().block(Duration.ofSeconds(10));

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "PostgreSQL did not answer within PT0.2S");
	}

}
