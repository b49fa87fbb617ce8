package dev.commitcollector.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.commitcollector.store.TestInfrastructure;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * A PostgreSQL whose host is lost without a word: the connection stays open and nothing
 * comes back. A statement then fails after the statement timeout instead of waiting until
 * the fetcher restarts.
 */
class SilentDatabaseTest {

	private FrozenLink link;

	private ConnectionPool pool;

	@BeforeEach
	void connectThroughALink() throws Exception {
		TestInfrastructure.Servers servers = TestInfrastructure.servers();
		link = new FrozenLink(servers.host(), servers.port());
		pool = new ConnectionPool(
				ConnectionPoolConfiguration.builder(ConnectionFactories.get(ConnectionFactoryOptions.builder()
					.option(ConnectionFactoryOptions.DRIVER, "postgresql")
					.option(ConnectionFactoryOptions.HOST, "127.0.0.1")
					.option(ConnectionFactoryOptions.PORT, link.port())
					.option(ConnectionFactoryOptions.USER, servers.user())
					.option(ConnectionFactoryOptions.PASSWORD, servers.password())
					.option(ConnectionFactoryOptions.DATABASE, TestInfrastructure.DATABASE)
					.build())).initialSize(1).maxSize(1).build());
	}

	@AfterEach
	void closeTheLink() throws Exception {
		// a connection the link silenced cannot say goodbye: its close may fail
		pool.disposeLater().onErrorComplete().block(Duration.ofSeconds(10));
		link.close();
	}

	@Test
	void failsAStatementThePostgresqlOfALostHostNeverAnswers() {
		DatabaseClient db = AnsweredStatements.client(pool, Duration.ofMillis(500));
		assertThat(db.sql("select 1").map(row -> row.get(0, Integer.class)).one().block(Duration.ofSeconds(30)))
			.isEqualTo(1);

		link.freeze();

		StepVerifier.create(db.sql("select 2").map(row -> row.get(0, Integer.class)).one())
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QueryTimeoutException.class)
				.hasMessageContaining("did not answer"))
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void readsEveryRowOfAStatementThatAnswersInTime() {
		DatabaseClient db = AnsweredStatements.client(pool, Duration.ofSeconds(10));

		StepVerifier
			.create(db.sql("select n from generate_series(1, 5000) as n").map(row -> row.get(0, Integer.class)).all())
			.expectNextCount(5000)
			.verifyComplete();
	}

}
