package dev.commitcollector.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's binaries) on a free port, with the database and the
 * owner role the store-service migrates; the store-service itself creates the
 * query-service's read-only role. It can be stopped and started again on the same port
 * and data directory, as an operator's restart.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	public static final String DATABASE = "commits";

	public static final String OWNER = "commits";

	public static final String OWNER_PASSWORD = "commits";

	private final Path dataDirectory;

	private final int port;

	private EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(Path dataDirectory, int port) {
		this.dataDirectory = dataDirectory;
		this.port = port;
	}

	public static EmbeddedPostgresServer start() throws IOException, SQLException {
		EmbeddedPostgresServer server;
		try (ServerSocket socket = new ServerSocket(0)) {
			server = new EmbeddedPostgresServer(Files.createTempDirectory("epg"), socket.getLocalPort());
		}
		server.startAgain();
		try (Connection connection = server.postgres.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("create role " + OWNER + " login createrole password '" + OWNER_PASSWORD + "'");
			sql.execute("create database " + DATABASE + " owner " + OWNER);
		}
		// as PostgreSQL 15+ does: the database owner owns schema public, so the store's
		// migrations can take CREATE on it away from everyone else, the query-service's
		// read-only role included
		try (Connection connection = server.postgres.getDatabase("postgres", DATABASE).getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("alter schema public owner to " + OWNER);
		}
		return server;
	}

	public int port() {
		return port;
	}

	/** A JDBC URL for tests and tools that look into the store directly. */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
	}

	/**
	 * Stops the server as {@code pg_ctl stop -m fast} does: open sessions end with
	 * {@code admin_shutdown} and new connections are refused. The data directory and the
	 * port are kept for {@link #startAgain()}.
	 */
	public synchronized void stop() throws IOException, InterruptedException {
		if (postgres == null) {
			return;
		}
		postgres.close();
		postgres = null;
		// zonky's pg_ctl waits 5 s at most and only logs when that was not enough
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("PostgreSQL in " + dataDirectory + " did not stop");
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
	}

	/**
	 * Starts the server on its port and data directory (the first time, initialised
	 * empty).
	 */
	public synchronized void startAgain() throws IOException {
		if (postgres == null) {
			postgres = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "100")
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofMinutes(1))
				.start();
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		stop();
		try (Stream<Path> files = Files.walk(dataDirectory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
