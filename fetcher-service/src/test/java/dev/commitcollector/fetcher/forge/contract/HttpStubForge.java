package dev.commitcollector.fetcher.forge.contract;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.commitcollector.fetcher.forge.http.RetrySettings;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the HTTP forge stubs share: a MockWebServer, the repositories served by path, the
 * one-shot faults of {@link StubForge}, and paging arithmetic. Each subclass answers in
 * its own forge's shapes.
 */
public abstract class HttpStubForge extends Dispatcher implements StubForge {

	/**
	 * The adapters' retry policy in milliseconds, and a second's wait for a rate limit
	 * that says no end.
	 */
	protected static final RetrySettings QUICK_RETRY = new RetrySettings(3, Duration.ofMillis(10),
			Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofSeconds(1));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	protected final MockWebServer server = new MockWebServer();

	private final Map<String, List<StubCommit>> repositories = new ConcurrentHashMap<>();

	private final Map<String, String> mailmaps = new ConcurrentHashMap<>();

	private volatile boolean mailmapsFail;

	private final AtomicInteger mailmapRateLimits = new AtomicInteger();

	private final Queue<Supplier<MockResponse>> faults = new ConcurrentLinkedQueue<>();

	private final AtomicInteger malformedLeft = new AtomicInteger();

	private final Set<String> mistyped = ConcurrentHashMap.newKeySet();

	private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

	protected HttpStubForge() throws IOException {
		server.setDispatcher(this);
		server.start();
	}

	/** Answers a request no fault took, in the forge's shapes. */
	protected abstract MockResponse answer(RecordedRequest request);

	/** The forge's answer to a bad token. */
	protected abstract MockResponse badCredentials();

	/** The forge's answer when its rate limit is spent for {@code seconds} more. */
	protected abstract MockResponse rateLimited(int seconds);

	/** The forge's answer to a request it failed on. */
	protected abstract MockResponse serverError();

	/** {@code acme/name}; forges with nested groups nest it deeper. */
	@Override
	public String path(String name) {
		return "acme/" + name;
	}

	/** An HTTP forge stub can do all of it; a forge that never names accounts says so. */
	@Override
	public boolean supports(Capability capability) {
		return true;
	}

	@Override
	public final MockResponse dispatch(RecordedRequest request) {
		received.add(request);
		Supplier<MockResponse> fault = faults.poll();
		return fault != null ? fault.get() : answer(request);
	}

	@Override
	public void repository(String path, List<StubCommit> newestFirst) {
		repositories.put(path, List.copyOf(newestFirst));
	}

	@Override
	public void mailmap(String path, String text) {
		if (text == null) {
			mailmaps.remove(path);
		}
		else {
			mailmaps.put(path, text);
		}
	}

	@Override
	public void failMailmaps() {
		mailmapsFail = true;
	}

	/**
	 * The next request for a {@code .mailmap} is rate limited for a second; later ones
	 * are served.
	 */
	public void rateLimitTheNextMailmap() {
		mailmapRateLimits.set(1);
	}

	/**
	 * The answer to a request for the {@code .mailmap} of {@code path} at {@code ref}:
	 * the text when there is one and {@code ref} is the head, else {@code missing}; a
	 * server error once {@link #failMailmaps} was called.
	 */
	protected MockResponse mailmapAnswer(String path, String ref, Supplier<MockResponse> missing) {
		if (mailmapsFail) {
			return serverError();
		}
		if (mailmapRateLimits.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
			return rateLimited(1);
		}
		List<StubCommit> history = history(path);
		String text = mailmaps.get(path);
		if (history == null || history.isEmpty() || text == null || !history.get(0).sha().equals(ref)) {
			return missing.get();
		}
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/plain; charset=utf-8")
			.body(text)
			.build();
	}

	@Override
	public void emptyRepository(String path) {
		repositories.put(path, List.of());
	}

	@Override
	public void rejectCredentialsOnce() {
		faults.add(this::badCredentials);
	}

	@Override
	public void rateLimitOnce(int seconds) {
		faults.add(() -> rateLimited(seconds));
	}

	@Override
	public void serverErrorOnce() {
		faults.add(this::serverError);
	}

	/**
	 * The next request, whatever it asks, gets {@code response}; later ones are served.
	 */
	public void answerNext(MockResponse response) {
		faults.add(() -> response);
	}

	@Override
	public void malformed(int times) {
		malformedLeft.set(times);
	}

	@Override
	public void mistype(String sha) {
		mistyped.add(sha);
	}

	/**
	 * The item of commit {@code sha} as served: {@code item}, with its {@code parents}
	 * field a number when {@link #mistype} named it.
	 */
	protected Map<String, Object> served(String sha, Map<String, Object> item, String parents) {
		if (mistyped.contains(sha)) {
			item.put(parents, 42);
		}
		return item;
	}

	@Override
	public int requests() {
		return received.size();
	}

	/** The requests received so far, faults included. */
	public List<RecordedRequest> received() {
		return List.copyOf(received);
	}

	@Override
	public void close() {
		server.close();
	}

	/**
	 * The history served at {@code path}, newest first, or null when no repository is
	 * there.
	 */
	protected List<StubCommit> history(String path) {
		return repositories.get(path);
	}

	/**
	 * True as often as {@link #malformed} says: the answer about to carry commits must be
	 * broken instead.
	 */
	protected boolean breakThisAnswer() {
		return malformedLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
	}

	/**
	 * The stub's URL below {@code prefix} (such as {@code /api/v4}), with no trailing
	 * slash.
	 */
	protected URI baseUrl(String prefix) {
		String url = server.url(prefix).toString();
		return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
	}

	/**
	 * The history as {@code git log sha} sees it (all of it for null); null when no
	 * commit has that sha.
	 */
	protected static List<StubCommit> from(List<StubCommit> history, String sha) {
		if (sha == null) {
			return history;
		}
		for (int i = 0; i < history.size(); i++) {
			if (history.get(i).sha().equals(sha)) {
				return history.subList(i, history.size());
			}
		}
		return null;
	}

	/** Page {@code page} (counted from 1) of {@code size} commits. */
	protected static List<StubCommit> page(List<StubCommit> commits, int page, int size) {
		int from = (int) Math.min(commits.size(), (long) (page - 1) * size);
		return commits.subList(from, Math.min(commits.size(), from + size));
	}

	protected static boolean hasPageAfter(List<StubCommit> commits, int page, int size) {
		return (long) page * size < commits.size();
	}

	/**
	 * The parents of {@code commits[index]}: the stubs' histories are linear, each commit
	 * the child of the next.
	 */
	protected static List<String> parentsOf(List<StubCommit> commits, int index) {
		return index + 1 < commits.size() ? List.of(commits.get(index + 1).sha()) : List.of();
	}

	protected static int intParam(HttpUrl url, String name, int fallback) {
		String value = url.queryParameter(name);
		return value == null ? fallback : Integer.parseInt(value);
	}

	/** A JSON answer. */
	protected static MockResponse.Builder json(int status, Object body) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json; charset=utf-8")
			.body(toJson(body));
	}

	protected static String toJson(Object value) {
		return JSON.writeValueAsString(value);
	}

}
