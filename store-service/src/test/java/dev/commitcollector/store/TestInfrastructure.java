package dev.commitcollector.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real Kafka and real PostgreSQL for the store's integration tests, started once per JVM:
 * Testcontainers where a Docker engine answers, otherwise an embedded KRaft broker and
 * zonky's embedded PostgreSQL.
 */
public final class TestInfrastructure {

	public static final String DATABASE = "commits";

	public static final String TOPIC = "commits.discovered";

	private static Servers servers;

	private TestInfrastructure() {
	}

	public static synchronized Servers servers() {
		if (servers == null) {
			servers = DockerClientFactory.instance().isDockerAvailable() ? containers() : embedded();
			createTopics(servers.bootstrapServers());
		}
		return servers;
	}

	public static void register(DynamicPropertyRegistry registry) {
		Servers s = servers();
		registry.add("spring.kafka.bootstrap-servers", s::bootstrapServers);
		registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://" + s.host() + ":" + s.port() + "/" + DATABASE);
		registry.add("spring.r2dbc.username", s::user);
		registry.add("spring.r2dbc.password", s::password);
		registry.add("spring.flyway.url", s::jdbcUrl);
		registry.add("spring.flyway.user", s::user);
		registry.add("spring.flyway.password", s::password);
	}

	/**
	 * An outage as the store sees it: its connections are cut and no new one is let in;
	 * {@code true} lets them in again.
	 */
	public static void setConnectionsAllowed(boolean allowed) throws SQLException {
		try (Connection admin = servers().superuserConnection("postgres"); Statement sql = admin.createStatement()) {
			sql.execute("alter database " + DATABASE + " allow_connections " + allowed);
			if (!allowed) {
				sql.execute(
						"select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE + "'");
			}
		}
	}

	/**
	 * Where the servers are, and a superuser connection for tests that play the operator.
	 */
	public record Servers(String bootstrapServers, String host, int port, String user, String password,
			String superuser, String superuserPassword) {

		public String jdbcUrl() {
			return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
		}

		public Connection superuserConnection(String database) throws SQLException {
			return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, superuser,
					superuserPassword);
		}

	}

	private static void createTopics(String bootstrapServers) {
		try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1), new NewTopic(TOPIC + ".DLT", 1, (short) 1),
					new NewTopic(MailmapEvents.TOPIC, 2, (short) 1),
					new NewTopic(MailmapEvents.TOPIC + ".DLT", 1, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not create the test topics", ex);
		}
	}

	private static Servers containers() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
		PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17").withDatabaseName(DATABASE)
			.withUsername("commits")
			.withPassword("commits");
		kafka.start();
		postgres.start();
		return new Servers(kafka.getBootstrapServers(), postgres.getHost(), postgres.getMappedPort(5432), "commits",
				"commits", "commits", "commits");
	}

	private static Servers embedded() {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 2);
		kafka.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
		kafka.afterPropertiesSet();
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement sql = connection.createStatement()) {
				sql.execute("create role commits login createrole password 'commits'");
				sql.execute("create database " + DATABASE + " owner commits");
			}
			return new Servers(kafka.getBrokersAsString(), "127.0.0.1", postgres.getPort(), "commits", "commits",
					"postgres", "postgres");
		}
		catch (Exception ex) {
			throw new IllegalStateException("embedded PostgreSQL did not start", ex);
		}
	}

}
