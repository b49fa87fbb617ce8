package dev.commitcollector.fetcher.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import dev.commitcollector.store.TestInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The fetcher's schema on the shared test PostgreSQL, for adapter tests without Spring:
 * migrated once per test class, and fresh connections as a restarted fetcher has them.
 */
final class FetcherSchema {

	private FetcherSchema() {
	}

	static void migrate() {
		TestInfrastructure.Servers servers = TestInfrastructure.servers();
		Flyway.configure()
			.dataSource(servers.jdbcUrl(), servers.user(), servers.password())
			.schemas("fetcher")
			.defaultSchema("fetcher")
			.createSchemas(true)
			.load()
			.migrate();
	}

	/**
	 * A provider name of the calling test's own, so that the rows of other tests (the
	 * schema is shared) do not show in what it reads.
	 */
	static String ownProvider() {
		return "pg-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Runs {@code statements} over JDBC, as the role the fetcher writes as. */
	static void execute(String statements) throws SQLException {
		TestInfrastructure.Servers servers = TestInfrastructure.servers();
		try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.user(), servers.password());
				Statement statement = connection.createStatement()) {
			statement.execute(statements);
		}
	}

	/** A client on new connections. */
	static DatabaseClient newClient() {
		TestInfrastructure.Servers servers = TestInfrastructure.servers();
		return DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, "postgresql")
			.option(ConnectionFactoryOptions.HOST, servers.host())
			.option(ConnectionFactoryOptions.PORT, servers.port())
			.option(ConnectionFactoryOptions.USER, servers.user())
			.option(ConnectionFactoryOptions.PASSWORD, servers.password())
			.option(ConnectionFactoryOptions.DATABASE, TestInfrastructure.DATABASE)
			.build()));
	}

}
