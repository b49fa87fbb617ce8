package dev.commitcollector.localstack;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitcollector.localstack.SyntheticHistory.Commit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A forge's commits API over real HTTP for the system tests: a MockWebServer serving
 * repositories of synthetic history below an API prefix (such as {@code /api/v4}). Each
 * subclass answers in its own forge's shapes and says which login that forge shows for an
 * author.
 */
abstract class StubForge extends Dispatcher implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockWebServer server = new MockWebServer();

	private final String prefix;

	private final Pattern listing;

	private final Pattern mailmapFile;

	private final Map<String, String> mailmaps = new ConcurrentHashMap<>();

	private final Map<String, Repository> repositories = new ConcurrentHashMap<>();

	private final List<String> targets = new CopyOnWriteArrayList<>();

	private final Set<String> userAgents = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final Map<String, Integer> mostAtOnce = new ConcurrentHashMap<>();

	private volatile Duration holdTime = Duration.ZERO;

	/**
	 * @param prefix the API's path below the server's root, such as {@code /api/v4}, or
	 * empty
	 * @param listing the commits listing's target below the prefix; its first group names
	 * the repository, percent-encoded as the forge expects it
	 */
	StubForge(String prefix, Pattern listing) throws IOException {
		this(prefix, listing, null);
	}

	/**
	 * @param mailmapFile the target below the prefix of a request for a repository's
	 * {@code .mailmap} at a commit: its first group names the repository as
	 * {@code listing}'s does, its second the commit
	 */
	StubForge(String prefix, Pattern listing, Pattern mailmapFile) throws IOException {
		this.prefix = prefix;
		this.listing = listing;
		this.mailmapFile = mailmapFile;
		server.setDispatcher(this);
		server.start();
	}

	/**
	 * The base URL a provider is configured with: the server and the prefix, no trailing
	 * slash.
	 */
	String apiUrl() {
		return origin() + prefix;
	}

	/**
	 * Adds {@code path} with {@code count} commits by {@code authors} people; answers
	 * about it come after {@code delay}.
	 */
	Repository add(String path, int count, int authors, Duration delay) {
		Repository repository = new Repository(path, SyntheticHistory.of(path, count, authors), delay);
		repositories.put(path, repository);
		return repository;
	}

	/**
	 * Adds {@code path} with exactly {@code newestFirst}; answers about it come after
	 * {@code delay}.
	 */
	Repository add(String path, List<Commit> newestFirst, Duration delay) {
		Repository repository = new Repository(path, List.copyOf(newestFirst), delay);
		repositories.put(path, repository);
		return repository;
	}

	/**
	 * Serves {@code text} as the {@code .mailmap} of {@code path} at its head commit;
	 * none (the forge's 404) when null, as by default and at any other commit.
	 */
	void mailmap(String path, String text) {
		if (text == null) {
			mailmaps.remove(path);
		}
		else {
			mailmaps.put(path, text);
		}
	}

	/**
	 * Holds every answer about a repository this long inside the stub (not in the
	 * socket), so that requests about one repository that overlap in time are counted
	 * ({@link #mostConcurrentRequests}).
	 */
	void holdAnswers(Duration time) {
		this.holdTime = time;
	}

	/**
	 * For each repository asked about: the most requests about it the stub was answering
	 * at one moment.
	 */
	Map<String, Integer> mostConcurrentRequests() {
		return Map.copyOf(mostAtOnce);
	}

	/** The User-Agent headers of the requests received so far. */
	Set<String> userAgents() {
		return Set.copyOf(userAgents);
	}

	/** The request targets (path and query, as sent) received so far. */
	List<String> targets() {
		return List.copyOf(targets);
	}

	/**
	 * The login this forge shows for the author of {@code commit}: the one the history
	 * links, unless it says otherwise.
	 */
	String login(Commit commit) {
		return commit.login();
	}

	/**
	 * The key the identity rule gives the author of {@code commit} as this forge shows
	 * it.
	 */
	final String authorKey(Commit commit) {
		return SyntheticHistory.authorKey(login(commit), commit.email());
	}

	/**
	 * Answers a request for the listing of {@code repository}; {@code target} matched the
	 * listing's pattern.
	 */
	protected abstract MockResponse answer(RecordedRequest request, Repository repository, Matcher target);

	/** The forge's answer for a repository it does not have. */
	protected abstract MockResponse notFound();

	@Override
	public final MockResponse dispatch(RecordedRequest request) {
		String target = request.getTarget();
		targets.add(target);
		userAgents.add(String.valueOf(request.getHeaders().get("User-Agent")));
		String below = target.startsWith(prefix + "/") ? target.substring(prefix.length()) : "";
		Matcher file = mailmapFile == null ? null : mailmapFile.matcher(below);
		if (file != null && file.matches()) {
			return mailmapAnswer(URLDecoder.decode(file.group(1), StandardCharsets.UTF_8), file.group(2));
		}
		Matcher matcher = listing.matcher(target.startsWith(prefix + "/") ? target.substring(prefix.length()) : "");
		Repository repository = matcher.matches()
				? repositories.get(URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8)) : null;
		if (repository == null) {
			return notFound();
		}
		AtomicInteger answering = inFlight.computeIfAbsent(repository.path(), path -> new AtomicInteger());
		mostAtOnce.merge(repository.path(), answering.incrementAndGet(), Math::max);
		try {
			hold();
			long building = System.nanoTime();
			MockResponse answer = answer(request, repository, matcher);
			return onTime(answer, System.nanoTime() - building);
		}
		finally {
			answering.decrementAndGet();
		}
	}

	/**
	 * {@code answer}, its delay shortened by the {@code spent} nanoseconds the stub took
	 * to build it: a repository's delay is the time from the request to the answer, as a
	 * forge's latency includes its own work.
	 */
	private static MockResponse onTime(MockResponse answer, long spent) {
		long delay = answer.getHeadersDelayNanos();
		return delay == 0 ? answer
				: answer.newBuilder().headersDelay(Math.max(0, delay - spent), TimeUnit.NANOSECONDS).build();
	}

	/** The raw file when {@code path} has one and {@code sha} is its head, else a 404. */
	private MockResponse mailmapAnswer(String path, String sha) {
		Repository repository = repositories.get(path);
		String text = mailmaps.get(path);
		if (repository == null || text == null || repository.commits().isEmpty()
				|| !repository.commits().get(0).sha().equals(sha)) {
			return notFound();
		}
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/plain; charset=utf-8")
			.body(text)
			.build();
	}

	private void hold() {
		try {
			TimeUnit.MILLISECONDS.sleep(holdTime.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.close();
	}

	/** The repository at {@code path}, or null. */
	final Repository repository(String path) {
		return repositories.get(path);
	}

	/**
	 * {@code request}'s URL with query parameter {@code name} set to {@code value}; its
	 * encoded path kept as sent.
	 */
	protected static String with(RecordedRequest request, String name, Object value) {
		return request.getUrl().newBuilder().setQueryParameter(name, String.valueOf(value)).build().toString();
	}

	private String origin() {
		return server.url("/").toString().replaceAll("/$", "");
	}

	/** A 200 JSON answer about {@code repository}, after its delay. */
	protected static MockResponse.Builder ok(Repository repository, Object body) {
		return json(200, body).headersDelay(repository.delay().toMillis(), TimeUnit.MILLISECONDS);
	}

	protected static MockResponse.Builder json(int status, Object body) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json; charset=utf-8")
			.body(JSON.writeValueAsString(body));
	}

	/**
	 * A JSON object of {@code keysAndValues} in that order; values may be null, as forges
	 * write them.
	 */
	protected static Map<String, Object> object(Object... keysAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			object.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return object;
	}

	/** Page {@code page} (counted from 1) of {@code size} commits. */
	protected static List<Commit> page(List<Commit> commits, int page, int size) {
		int from = (int) Math.min(commits.size(), (long) (page - 1) * size);
		return commits.subList(from, Math.min(commits.size(), from + size));
	}

	protected static boolean hasPageAfter(List<Commit> commits, int page, int size) {
		return (long) page * size < commits.size();
	}

	/** An ISO 8601 date with an offset, seconds always written. */
	protected static String date(Instant instant, ZoneOffset zone) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(zone));
	}

	/** An integer query parameter, or {@code fallback} when it is missing. */
	protected static int intParam(RecordedRequest request, String name, int fallback) {
		String value = request.getUrl().queryParameter(name);
		return value == null ? fallback : Integer.parseInt(value);
	}

	/**
	 * A repository served by a stub: its history, newest first, and how long answers
	 * about it take.
	 */
	record Repository(String path, List<Commit> commits, Duration delay) {

		/**
		 * The history as {@code git log sha} sees it (all of it for null); null when no
		 * commit has that sha.
		 */
		List<Commit> from(String sha) {
			if (sha == null) {
				return commits;
			}
			for (int i = 0; i < commits.size(); i++) {
				if (commits.get(i).sha().equals(sha)) {
					return commits.subList(i, commits.size());
				}
			}
			return null;
		}

	}

}
