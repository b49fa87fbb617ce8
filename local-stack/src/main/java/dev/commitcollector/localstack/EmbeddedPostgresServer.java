package dev.commitcollector.localstack;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's binaries) on a free port, with the database and the owner role
 * the store-service migrates; the store-service itself creates the query-service's read-only role.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	public static final String DATABASE = "commits";

	public static final String OWNER = "commits";

	public static final String OWNER_PASSWORD = "commits";

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedPostgresServer start() throws IOException, SQLException {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("create role " + OWNER + " login createrole password '" + OWNER_PASSWORD + "'");
			sql.execute("create database " + DATABASE + " owner " + OWNER);
		}
		// as PostgreSQL 15+ does: the database owner owns schema public, so the store's migrations can
		// take CREATE on it away from everyone else, the query-service's read-only role included
		try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("alter schema public owner to " + OWNER);
		}
		return new EmbeddedPostgresServer(postgres);
	}

	public int port() {
		return postgres.getPort();
	}

	/** A JDBC URL for tests and tools that look into the store directly. */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

}
