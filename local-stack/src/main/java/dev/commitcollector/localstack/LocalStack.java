package dev.commitcollector.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole system: a KRaft Kafka broker and a PostgreSQL server, both embedded
 * and on free ports, their data where the last start left it ({@link StackData}), then
 * fetcher, store and query as separate JVMs; waits until each is ready, prints the URLs,
 * and on Ctrl-C or SIGTERM stops everything it started. The services inherit this
 * process's environment, so {@code GITHUB_API_URL} and {@code GITHUB_TOKEN} reach the
 * fetcher.
 */
public final class LocalStack implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

	/** Each built-in provider: the variable that moves its API, and where it is else. */
	private static final Map<String, String[]> BUILT_IN_FORGES = Map.of("github",
			new String[] { "GITHUB_API_URL", "https://api.github.com" }, "gitlab",
			new String[] { "GITLAB_API_URL", "https://gitlab.com/api/v4" }, "bitbucket",
			new String[] { "BITBUCKET_API_URL", "https://api.bitbucket.org" }, "codeberg",
			new String[] { "CODEBERG_API_URL", "https://codeberg.org/api/v1" });

	private static final Pattern ADDED_FORGE = Pattern.compile("FORGES_PROVIDERS_([A-Z0-9]+)_APIURL");

	public static final String TOPIC = "commits.discovered";

	public static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private final Path home;

	private final Ports ports;

	private final Map<String, String> extraEnvironment;

	private final StackData data;

	private final StartedParts parts = new StartedParts();

	private KafkaBroker kafka;

	private EmbeddedPostgresServer postgres;

	private Map<String, String> environment;

	private ServiceProcess fetcher;

	private ServiceProcess store;

	private ServiceProcess query;

	private LocalStack(Path home, Ports ports, Map<String, String> extraEnvironment, StackData data) {
		this.home = home;
		this.ports = ports;
		this.extraEnvironment = Map.copyOf(extraEnvironment);
		this.data = data;
	}

	/**
	 * Starts everything on temporary data, removed when the stack is closed, and returns
	 * once all three services are ready.
	 */
	public static LocalStack start(Path home, Ports ports, Map<String, String> extraEnvironment) throws Exception {
		return start(home, ports, extraEnvironment, StackData.temporary());
	}

	/**
	 * Starts everything on {@code data}: Kafka and PostgreSQL find there what they held
	 * when a stack on it stopped. The stack owns {@code data} from here and closes it.
	 */
	public static LocalStack start(Path home, Ports ports, Map<String, String> extraEnvironment, StackData data)
			throws Exception {
		LocalStack stack = new LocalStack(home, ports, extraEnvironment, data);
		stack.startOn(() -> InProcessKafkaBroker.start(data.kafka(), 6, TOPIC));
		return stack;
	}

	/**
	 * Starts PostgreSQL (on temporary data) and the services on a broker started by the
	 * caller, such as a {@link KafkaBrokerProcess} a test stops and starts again; the
	 * stack owns it from here and closes it.
	 */
	public static LocalStack start(Path home, Ports ports, Map<String, String> extraEnvironment, KafkaBroker kafka)
			throws Exception {
		StackData data;
		try {
			data = StackData.temporary();
		}
		catch (Exception ex) {
			kafka.close();
			throw ex;
		}
		LocalStack stack = new LocalStack(home, ports, extraEnvironment, data);
		stack.startOn(() -> kafka);
		return stack;
	}

	/**
	 * Starts Kafka with {@code broker}, then PostgreSQL and the services; returns once
	 * all three are ready. Closed meanwhile (from another thread), it stops what it had
	 * started and fails.
	 */
	private void startOn(Callable<KafkaBroker> broker) throws Exception {
		try {
			ports.requireFree();
			kafka = parts.start(broker, started -> started);
			postgres = parts.start(() -> EmbeddedPostgresServer.start(data.postgres(), data.kept()),
					started -> started);
			environment = environment();
			Path logs = logs(home);
			fetcher = service("fetcher-service", home, ports.fetcher(), environment, logs);
			store = service("store-service", home, ports.store(), environment, logs);
			query = service("query-service", home, ports.query(), environment, logs);
			// the store migrates the schema and creates the query-service's role: the
			// query
			// waits for it; the fetcher, with a schema of its own, starts beside it, so
			// that
			// a setting only it reads is refused as soon as the store's would be
			started(store);
			started(fetcher);
			store.awaitReady(READY_TIMEOUT, fetcher);
			started(query);
			fetcher.awaitReady(READY_TIMEOUT, query);
			query.awaitReady(READY_TIMEOUT);
		}
		catch (Exception ex) {
			boolean stoppedMeanwhile = parts.stopping();
			close();
			throw stoppedMeanwhile ? new StartInterrupted(ex) : ex;
		}
	}

	/**
	 * The stack was closed (Ctrl-C, SIGTERM) while it started: not a failure of its own.
	 */
	static final class StartInterrupted extends Exception {

		StartInterrupted(Exception cause) {
			super("stopped while starting", cause);
		}

	}

	private Map<String, String> environment() {
		Map<String, String> env = new HashMap<>(extraEnvironment);
		env.putAll(connections(kafka, postgres));
		env.put("FETCHER_PORT", String.valueOf(ports.fetcher()));
		env.put("STORE_PORT", String.valueOf(ports.store()));
		env.put("QUERY_PORT", String.valueOf(ports.query()));
		env.put("QUERY_FETCHER_URL", "http://localhost:" + ports.fetcher());
		env.put("FETCHER_CORS_ORIGINS", "http://localhost:" + ports.query() + ",http://127.0.0.1:" + ports.query());
		return Map.copyOf(env);
	}

	/**
	 * What every service is given to reach the broker and the database (the store its
	 * owner's credentials).
	 */
	/** What {@link #connections} and {@link #environment()} set for the services. */
	private static final List<String> SET_FOR_THE_SERVICES = List.of("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_HOST",
			"POSTGRES_PORT", "POSTGRES_DB", "STORE_DB_USER", "STORE_DB_PASSWORD", "QUERY_FETCHER_URL",
			"FETCHER_CORS_ORIGINS");

	static Map<String, String> connections(KafkaBroker kafka, EmbeddedPostgresServer postgres) {
		return Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "POSTGRES_HOST", "127.0.0.1",
				"POSTGRES_PORT", String.valueOf(postgres.port()), "POSTGRES_DB", EmbeddedPostgresServer.DATABASE,
				"STORE_DB_USER", EmbeddedPostgresServer.OWNER, "STORE_DB_PASSWORD",
				EmbeddedPostgresServer.OWNER_PASSWORD);
	}

	/**
	 * Starts {@code service}'s process, to be stopped with the stack, and notes it on the
	 * stack's data for a start after a crash of this one.
	 */
	private ServiceProcess started(ServiceProcess service) throws Exception {
		parts.start(() -> {
			service.start();
			return service;
		}, started -> started::stop);
		ProcessHandle.of(service.pid()).ifPresent(process -> {
			try {
				data.started(process);
			}
			catch (IOException ex) {
				log.warn("could not note {}'s process in {}: a crash of this stack would leave it running",
						service.name(), data.directory(), ex);
			}
		});
		return service;
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
		started(instance);
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

	/**
	 * Stops what the stack started, last started first (the services, PostgreSQL, Kafka),
	 * then releases or removes its data.
	 */
	@Override
	public void close() throws Exception {
		try {
			parts.close();
		}
		finally {
			data.close();
		}
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
		Ports ports;
		StackData data;
		try {
			ports = Ports.fromEnvironment(System.getenv());
			data = StackData.keptIn(dataDirectory(home, System.getenv()));
		}
		catch (IllegalStateException refused) {
			log.error(refused.getMessage());
			System.exit(1);
			return;
		}
		List<String> unused = setButUnused(System.getenv());
		if (!unused.isEmpty()) {
			log.warn("{} {} set but not used: the run command starts its own Kafka and PostgreSQL and gives the "
					+ "services their addresses and credentials, and the query-service the fetcher's URL. For servers "
					+ "of your own, start the service jars yourself or use docker-compose.yml (README)",
					String.join(", ", unused), unused.size() == 1 ? "is" : "are");
		}
		LocalStack stack = new LocalStack(home, ports, Map.of(), data);
		// before anything starts: Ctrl-C while the stack starts stops what has started
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("stopping the services, Kafka and PostgreSQL");
			try {
				stack.close();
			}
			catch (Exception ex) {
				log.warn("stopping failed", ex);
			}
		}, "local-stack-shutdown"));
		log.info("starting embedded PostgreSQL and Kafka on {} (kept from one start to the next; delete it to start "
				+ "afresh), then the services (logs in {})", data.directory(), logs(home));
		try {
			stack.startOn(() -> InProcessKafkaBroker.start(data.kafka(), 6, TOPIC));
		}
		catch (StartInterrupted stopped) {
			return;
		}
		catch (Exception failed) {
			log.error("the local stack did not start: {}", failed.getMessage() != null ? failed.getMessage() : failed);
			System.exit(1);
			return;
		}
		log.info("""

				commit-collector is up
				  fetcher  {}  (POST /api/v1/fetches)
				  query    {}  (GET /api/v1/authors?provider=github&repository=owner/name)
				  store    {}  (health: /actuator/health)
				  kafka    {}
				  postgres {}
				  data     {}
				  forges   {}
				Ctrl-C stops everything.""", stack.fetcher.url(), stack.query.url(), stack.store.url(),
				stack.kafka.bootstrapServers(), stack.postgres.jdbcUrl(), data.directory(),
				String.join("\n           ", forges(System.getenv())));
		new CountDownLatch(1).await();
	}

	/**
	 * The providers the fetcher has as {@code env} configures them, one line each: the
	 * four built in (at their API's address, changed by its variable) and those added
	 * with {@code FORGES_PROVIDERS_<NAME>_APIURL}. Settings given another way (a
	 * configuration file, {@code SPRING_APPLICATION_JSON}) show in the fetcher's log.
	 */
	static List<String> forges(Map<String, String> env) {
		Map<String, String> forges = new TreeMap<>();
		BUILT_IN_FORGES.forEach((name, api) -> forges.put(name, env.getOrDefault(api[0], api[1])));
		env.forEach((variable, value) -> {
			var added = ADDED_FORGE.matcher(variable);
			if (added.matches()) {
				forges.put(added.group(1).toLowerCase(Locale.ROOT), value);
			}
		});
		return forges.entrySet()
			.stream()
			.map(forge -> String.format("%-10s %s", forge.getKey(), forge.getValue()))
			.toList();
	}

	/**
	 * The variables {@code env} sets that the run command sets for the services itself,
	 * so that theirs are not used; by name only (one is a password).
	 */
	static List<String> setButUnused(Map<String, String> env) {
		return SET_FOR_THE_SERVICES.stream().filter(env::containsKey).toList();
	}

	/**
	 * Where the run command keeps PostgreSQL's and Kafka's data: {@code STACK_DATA_DIR},
	 * else {@code local-stack/data} below the project root (outside {@code target}, so
	 * that {@code mvnw clean} keeps it).
	 */
	static Path dataDirectory(Path home, Map<String, String> env) {
		String configured = env.get("STACK_DATA_DIR");
		return configured != null && !configured.isBlank() ? Path.of(configured) : home.resolve("local-stack/data");
	}

	/** The HTTP ports of the three services. */
	public record Ports(int fetcher, int store, int query) {

		/**
		 * Fails naming the first port something listens on already (another stack's
		 * service, say), before anything starts: a service that cannot take its port
		 * would otherwise leave the other's answers to pass for its own.
		 */
		void requireFree() {
			Map<String, Integer> byVariable = new LinkedHashMap<>();
			byVariable.put("FETCHER_PORT", fetcher);
			byVariable.put("STORE_PORT", store);
			byVariable.put("QUERY_PORT", query);
			byVariable.forEach((variable, port) -> {
				try (ServerSocket socket = new ServerSocket(port)) {
					socket.setReuseAddress(true);
				}
				catch (IOException taken) {
					throw new IllegalStateException("port " + port + " (" + variable + ") is in use: another local "
							+ "stack or another program listens there; stop it, or set " + variable
							+ " to a free port");
				}
			});
		}

		/**
		 * The ports {@code FETCHER_PORT}, {@code STORE_PORT} and {@code QUERY_PORT} name.
		 * @throws IllegalStateException naming the variable whose value is not a port
		 */
		static Ports fromEnvironment(Map<String, String> env) {
			return new Ports(port(env, "FETCHER_PORT", 8081), port(env, "STORE_PORT", 8082),
					port(env, "QUERY_PORT", 8083));
		}

		private static int port(Map<String, String> env, String variable, int otherwise) {
			String value = env.get(variable);
			if (value == null || value.isBlank()) {
				return otherwise;
			}
			try {
				int port = Integer.parseInt(value.strip());
				if (port >= 1 && port <= 65535) {
					return port;
				}
			}
			catch (NumberFormatException notANumber) {
				// refused below, with the variable's name
			}
			throw new IllegalStateException(
					variable + "=" + value + " is not a port: set it to a number from 1 to 65535, or unset it");
		}

	}

}
