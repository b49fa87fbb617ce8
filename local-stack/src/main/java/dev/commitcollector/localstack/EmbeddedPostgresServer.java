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
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's binaries) on a free port, with the database and the
 * owner role the store-service migrates; the store-service itself creates the
 * query-service's read-only role. It can be stopped and started again on the same port
 * and data directory, as an operator's restart; its data directory is the caller's
 * ({@link StackData}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	public static final String DATABASE = "commits";

	public static final String OWNER = "commits";

	public static final String OWNER_PASSWORD = "commits";

	private final Path dataDirectory;

	private final int port;

	private final boolean kept;

	private EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(Path dataDirectory, int port, boolean kept) {
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.kept = kept;
	}

	/**
	 * Starts PostgreSQL on a free port and {@code dataDirectory}: the first time (no
	 * cluster there yet) initialised, with the database and its owner; after that as it
	 * was left, whatever it holds. {@code kept}: each commit flushed to disk before it is
	 * acknowledged ({@code fsync}, {@code synchronous_commit}), so that what was stored
	 * outlives the machine's crash too; without it (zonky's defaults, for data that goes
	 * with the stack) a commit is acknowledged first.
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, boolean kept) throws IOException, SQLException {
		EmbeddedPostgresServer server;
		try (ServerSocket socket = new ServerSocket(0)) {
			server = new EmbeddedPostgresServer(dataDirectory, socket.getLocalPort(), kept);
		}
		server.startAgain();
		server.createDatabase();
		return server;
	}

	/** The owner and the database, unless a start before this one created them. */
	private void createDatabase() throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			if (!sql.executeQuery("select from pg_roles where rolname = '" + OWNER + "'").next()) {
				sql.execute("create role " + OWNER + " login createrole password '" + OWNER_PASSWORD + "'");
			}
			if (!sql.executeQuery("select from pg_database where datname = '" + DATABASE + "'").next()) {
				sql.execute("create database " + DATABASE + " owner " + OWNER);
			}
		}
		// as PostgreSQL 15+ does: the database owner owns schema public, so the store's
		// migrations can take CREATE on it away from everyone else, the query-service's
		// read-only role included
		try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("alter schema public owner to " + OWNER);
		}
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
			stopLeftover();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (kept) {
				// its owner stops it after the services that use it, not in a shutdown
				// hook of its own beside theirs
				builder.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setRegisterShutdownHook(false);
			}
			postgres = builder.setServerConfig("max_connections", "100")
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofMinutes(1))
				.start();
		}
	}

	/**
	 * Stops a server that still runs on the data directory, left by a JVM that was killed
	 * before it could stop it, as {@code pg_ctl stop -m fast} does (SIGINT): it would
	 * keep this one from starting.
	 */
	private void stopLeftover() throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		// the server of this data directory, not a process that took a stale file's id
		var leftover = ProcessHandle.of(pid)
			.filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
			.filter(process -> process.info()
				.commandLine()
				.map(line -> line.contains("-D " + dataDirectory + " "))
				.orElse(false));
		if (leftover.isPresent()) {
			LoggerFactory.getLogger(EmbeddedPostgresServer.class)
				.warn("stopping PostgreSQL {}, left running on {} by a local stack that was killed", pid,
						dataDirectory);
			try {
				ServiceProcess.send("INT", pid);
				leftover.get().onExit().get(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while stopping PostgreSQL " + pid, ex);
			}
			catch (Exception ex) {
				throw new IOException("PostgreSQL " + pid + " still runs on " + dataDirectory + "; stop it first", ex);
			}
		}
	}

	/** Stops the server; its data directory stays as it is. */
	@Override
	public void close() throws IOException, InterruptedException {
		stop();
	}

}
