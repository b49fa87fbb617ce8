package dev.commitcollector.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole system: a KRaft Kafka broker and a PostgreSQL server, both embedded
 * and on free ports, then fetcher, store and query as separate JVMs; waits until each is
 * ready, prints the URLs, and on Ctrl-C or SIGTERM stops everything it started. The
 * services inherit this process's environment, so {@code GITHUB_API_URL} and
 * {@code GITHUB_TOKEN} reach the fetcher.
 */
public final class LocalStack implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

	public static final String TOPIC = "commits.discovered";

	public static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private final EmbeddedPostgresServer postgres;

	private final KafkaBroker kafka;

	private final ServiceProcess fetcher;

	private final ServiceProcess store;

	private final ServiceProcess query;

	private final Path home;

	private final Map<String, String> environment;

	private final List<ServiceProcess> instances = new CopyOnWriteArrayList<>();

	private LocalStack(EmbeddedPostgresServer postgres, KafkaBroker kafka, Ports ports, Path home,
			Map<String, String> extraEnvironment) {
		this.postgres = postgres;
		this.kafka = kafka;
		Map<String, String> env = new HashMap<>(extraEnvironment);
		env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
		env.put("POSTGRES_HOST", "127.0.0.1");
		env.put("POSTGRES_PORT", String.valueOf(postgres.port()));
		env.put("POSTGRES_DB", EmbeddedPostgresServer.DATABASE);
		env.put("STORE_DB_USER", EmbeddedPostgresServer.OWNER);
		env.put("STORE_DB_PASSWORD", EmbeddedPostgresServer.OWNER_PASSWORD);
		env.put("FETCHER_PORT", String.valueOf(ports.fetcher()));
		env.put("STORE_PORT", String.valueOf(ports.store()));
		env.put("QUERY_PORT", String.valueOf(ports.query()));
		env.put("QUERY_FETCHER_URL", "http://localhost:" + ports.fetcher());
		env.put("FETCHER_CORS_ORIGINS", "http://localhost:" + ports.query() + ",http://127.0.0.1:" + ports.query());
		this.home = home;
		this.environment = Map.copyOf(env);
		Path logs = logs(home);
		this.fetcher = service("fetcher-service", home, ports.fetcher(), env, logs);
		this.store = service("store-service", home, ports.store(), env, logs);
		this.query = service("query-service", home, ports.query(), env, logs);
	}

	/** Starts everything and returns once all three services are ready. */
	public static LocalStack start(Path home, Ports ports, Map<String, String> extraEnvironment) throws Exception {
		return start(home, ports, extraEnvironment, EmbeddedKafkaServer.start(6, TOPIC));
	}

	/**
	 * Starts PostgreSQL and the services on a broker started by the caller, such as a
	 * {@link KafkaBrokerProcess} a test stops and starts again; the stack owns it from
	 * here and closes it.
	 */
	public static LocalStack start(Path home, Ports ports, Map<String, String> extraEnvironment, KafkaBroker kafka)
			throws Exception {
		EmbeddedPostgresServer postgres;
		try {
			postgres = EmbeddedPostgresServer.start();
		}
		catch (Exception ex) {
			kafka.close();
			throw ex;
		}
		LocalStack stack = new LocalStack(postgres, kafka, ports, home, extraEnvironment);
		try {
			// the store migrates the schema and creates the query-service's role: it goes
			// first
			stack.store.start();
			stack.store.awaitReady(READY_TIMEOUT);
			stack.fetcher.start();
			stack.query.start();
			stack.fetcher.awaitReady(READY_TIMEOUT);
			stack.query.awaitReady(READY_TIMEOUT);
		}
		catch (Exception ex) {
			stack.close();
			throw ex;
		}
		return stack;
	}

	/**
	 * Starts one more fetcher instance on {@code port}, on the same broker and database,
	 * in the same consumer group; returns it once it is ready.
	 */
	public ServiceProcess startAnotherFetcher(int port) throws Exception {
		return startAnother("fetcher-service", "FETCHER_PORT", port);
	}

	/**
	 * Starts one more store instance on {@code port}, in the same consumer group; returns
	 * it once it is ready.
	 */
	public ServiceProcess startAnotherStore(int port) throws Exception {
		return startAnother("store-service", "STORE_PORT", port);
	}

	private ServiceProcess startAnother(String name, String portVariable, int port) throws Exception {
		Map<String, String> env = new HashMap<>(environment);
		env.put(portVariable, String.valueOf(port));
		ServiceProcess instance = new ServiceProcess(name, jar(home, name), port, env,
				logs(home).resolve(name + "-" + port + ".log"));
		instances.add(instance);
		instance.start();
		instance.awaitReady(READY_TIMEOUT);
		return instance;
	}

	public ServiceProcess fetcher() {
		return fetcher;
	}

	public ServiceProcess store() {
		return store;
	}

	public ServiceProcess query() {
		return query;
	}

	public EmbeddedPostgresServer postgres() {
		return postgres;
	}

	public KafkaBroker kafka() {
		return kafka;
	}

	@Override
	public void close() throws Exception {
		for (ServiceProcess instance : instances) {
			instance.stop();
		}
		for (ServiceProcess service : List.of(fetcher, query, store)) {
			service.stop();
		}
		kafka.close();
		postgres.close();
	}

	private static ServiceProcess service(String name, Path home, int port, Map<String, String> env, Path logs) {
		return new ServiceProcess(name, jar(home, name), port, env, logs.resolve(name + ".log"));
	}

	private static Path jar(Path home, String name) {
		return home.resolve(name).resolve("target").resolve(name + ".jar");
	}

	/**
	 * Where the services' (and a broker process's) output goes:
	 * {@code local-stack/target/logs}.
	 */
	public static Path logs(Path home) {
		return home.resolve("local-stack/target/logs");
	}

	/**
	 * The project root, where the service jars are built: {@code -Dstack.home}, else the
	 * working directory or its parent (Maven runs a module's tests in the module's
	 * directory).
	 */
	public static Path home() {
		String configured = System.getProperty("stack.home");
		List<Path> candidates = configured != null ? List.of(Path.of(configured))
				: List.of(Path.of("."), Path.of(".."));
		return candidates.stream()
			.map(path -> path.toAbsolutePath().normalize())
			.filter(path -> Files.isDirectory(path.resolve("fetcher-service")))
			.findFirst()
			.orElseThrow(
					() -> new IllegalStateException("run from the project root, or pass -Dstack.home=<project root>"));
	}

	public static void main(String[] args) throws Exception {
		Path home = home();
		Ports ports = Ports.fromEnvironment(System.getenv());
		log.info("starting embedded PostgreSQL and Kafka, then the services (logs in {})", logs(home));
		LocalStack stack = start(home, ports, Map.of());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("stopping the services, Kafka and PostgreSQL");
			try {
				stack.close();
			}
			catch (Exception ex) {
				log.warn("stopping failed", ex);
			}
			stopped.countDown();
		}, "local-stack-shutdown"));
		log.info("""

				commit-collector is up
				  fetcher  {}  (POST /api/v1/fetches)
				  query    {}  (GET /api/v1/authors?provider=github&repository=owner/name)
				  store    {}  (health: /actuator/health)
				  kafka    {}
				  postgres {}
				  GitHub API: {}
				Ctrl-C stops everything.""", stack.fetcher.url(), stack.query.url(), stack.store.url(),
				stack.kafka.bootstrapServers(), stack.postgres.jdbcUrl(),
				System.getenv().getOrDefault("GITHUB_API_URL", "https://api.github.com"));
		stopped.await();
	}

	/** The HTTP ports of the three services. */
	public record Ports(int fetcher, int store, int query) {

		static Ports fromEnvironment(Map<String, String> env) {
			return new Ports(Integer.parseInt(env.getOrDefault("FETCHER_PORT", "8081")),
					Integer.parseInt(env.getOrDefault("STORE_PORT", "8082")),
					Integer.parseInt(env.getOrDefault("QUERY_PORT", "8083")));
		}

	}

}
