package dev.commitcollector.query;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL with the store's schema, started once per JVM: Testcontainers where a
 * Docker engine answers, otherwise zonky's embedded PostgreSQL. The schema comes from the
 * store-service's own migrations, so these tests read exactly what the store writes, as
 * the read-only role the query-service runs as.
 */
public final class TestInfrastructure {

	public static final String DATABASE = "commits";

	public static final String OWNER = "commits";

	public static final String READER = "commit_reader";

	/** The store owns the schema; surefire runs in the query-service module directory. */
	private static final Path STORE_MIGRATIONS = Path.of("../store-service/src/main/resources/db/migration");

	private static Database database;

	private TestInfrastructure() {
	}

	public static synchronized Database database() {
		if (database == null) {
			Database started = DockerClientFactory.instance().isDockerAvailable() ? container() : embedded();
			migrate(started);
			database = started;
		}
		return database;
	}

	public static void register(DynamicPropertyRegistry registry) {
		Database db = database();
		registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://" + db.host() + ":" + db.port() + "/" + DATABASE);
		registry.add("spring.r2dbc.username", () -> READER);
		registry.add("spring.r2dbc.password", () -> READER);
	}

	/**
	 * Where the database is; connections as the schema owner (what the store writes as)
	 * and as the reader.
	 */
	public record Database(String host, int port) {

		public String jdbcUrl() {
			return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
		}

		public Connection asOwner() throws SQLException {
			return DriverManager.getConnection(jdbcUrl(), OWNER, OWNER);
		}

		public Connection asReader() throws SQLException {
			return DriverManager.getConnection(jdbcUrl(), READER, READER);
		}

	}

	private static void migrate(Database db) {
		if (!Files.isDirectory(STORE_MIGRATIONS)) {
			throw new IllegalStateException("the store's migrations are not at " + STORE_MIGRATIONS.toAbsolutePath()
					+ "; run the tests from the query-service module directory");
		}
		Flyway.configure()
			.dataSource(db.jdbcUrl(), OWNER, OWNER)
			.locations("filesystem:" + STORE_MIGRATIONS.toAbsolutePath().normalize())
			.placeholders(Map.of("reader_user", READER, "reader_password_hex",
					HexFormat.of().formatHex(READER.getBytes(StandardCharsets.UTF_8))))
			.load()
			.migrate();
	}

	private static Database container() {
		PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17").withDatabaseName(DATABASE)
			.withUsername(OWNER)
			.withPassword(OWNER);
		postgres.start();
		return new Database(postgres.getHost(), postgres.getMappedPort(5432));
	}

	private static Database embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement sql = connection.createStatement()) {
				sql.execute("create role " + OWNER + " login createrole password '" + OWNER + "'");
				sql.execute("create database " + DATABASE + " owner " + OWNER);
			}
			// zonky ships PostgreSQL 14, where schema public belongs to the bootstrap
			// superuser, so the store's "revoke create on schema public from public" (run
			// as the owner) would do nothing and leave the reader role able to create
			// tables. From 15 on it belongs to the database owner; give it to the owner
			// here as PostgreSQL 17 (docker-compose) does, keeping PUBLIC's create so the
			// store's revoke still matters.
			try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
					Statement sql = connection.createStatement()) {
				sql.execute("alter schema public owner to " + OWNER);
			}
			return new Database("127.0.0.1", postgres.getPort());
		}
		catch (Exception ex) {
			throw new IllegalStateException("embedded PostgreSQL did not start", ex);
		}
	}

}
