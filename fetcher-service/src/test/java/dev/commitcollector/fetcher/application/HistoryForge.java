package dev.commitcollector.fetcher.application;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A forge over a history that can change between fetches (pushes, merges), listing it in
 * the given order, 100 per page, with the head sha as its validator, as a conditional
 * request would see it.
 */
final class HistoryForge implements Forge {

	private final List<DiscoveredCommit> listing = new CopyOnWriteArrayList<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final Map<String, List<Sinks.Empty<Void>>> asked = new ConcurrentHashMap<>();

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	private final Set<String> unlinked = ConcurrentHashMap.newKeySet();

	HistoryForge(List<DiscoveredCommit> newestFirst) {
		listing.addAll(newestFirst);
	}

	/**
	 * A linear history of {@code count} commits, newest first, each the child of the
	 * next.
	 */
	static List<DiscoveredCommit> linear(String seed, int count) {
		List<DiscoveredCommit> commits = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			commits.add(commit(seed + i, i + 1 < count ? List.of(sha(seed + (i + 1))) : List.of()));
		}
		return commits;
	}

	static DiscoveredCommit commit(String seed, List<String> parents) {
		return new DiscoveredCommit(sha(seed), new CommitAuthor("Dev", "dev@example.org", null),
				Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), seed, parents);
	}

	static String sha(String seed) {
		return String.format("%040x", new BigInteger(1, seed.getBytes()).mod(BigInteger.TWO.pow(159)));
	}

	void list(List<DiscoveredCommit> newestFirst) {
		listing.clear();
		listing.addAll(newestFirst);
	}

	List<DiscoveredCommit> listing() {
		return List.copyOf(listing);
	}

	/**
	 * Completes once {@code request} (as {@link #requests} names it) is made after this
	 * call.
	 */
	Mono<Void> asked(String request) {
		Sinks.Empty<Void> made = Sinks.empty();
		asked.computeIfAbsent(request, key -> new CopyOnWriteArrayList<>()).add(made);
		return made.asMono();
	}

	private void record(String request) {
		requests.add(request);
		List<Sinks.Empty<Void>> waiting = asked.remove(request);
		if (waiting != null) {
			waiting.forEach(Sinks.Empty::tryEmitEmpty);
		}
	}

	/**
	 * The next {@code request} (as {@link #requests} names it) fails: the forge is down.
	 */
	void failsOnce(String request) {
		failing.add(request);
	}

	/**
	 * The next {@code request} answers without its link to the page after it, as a forge
	 * that drops a header would.
	 */
	void unlinkedOnce(String request) {
		unlinked.add(request);
	}

	/** Every request: "first", "first (conditional)", "304" or the page number. */
	List<String> requests() {
		return List.copyOf(requests);
	}

	@Override
	public String provider() {
		return "history";
	}

	@Override
	public ForgeType type() {
		return ForgeType.GITHUB;
	}

	@Override
	public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
		String head = listing.isEmpty() ? "empty" : listing.get(0).sha();
		if (etag != null && etag.equals(head)) {
			record("304");
			return Mono.just(CommitPage.notModified(etag));
		}
		String request = etag == null ? "first" : "first (conditional)";
		record(request);
		return answer(request, page(0).withEtag(head));
	}

	@Override
	public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
		int from = Integer.parseInt(cursor.value());
		String request = String.valueOf(from / 100 + 1);
		record(request);
		return answer(request, page(from));
	}

	private Mono<CommitPage> answer(String request, CommitPage page) {
		if (failing.remove(request)) {
			return Mono.error(new ForgeFailure.Unavailable("the forge answered 503 to request " + request));
		}
		return Mono.just(unlinked.remove(request) ? page.withNext(Optional.empty()) : page);
	}

	private CommitPage page(int from) {
		int to = Math.min(listing.size(), from + 100);
		return new CommitPage(listing.subList(from, to),
				to < listing.size() ? Optional.of(new PageCursor(String.valueOf(to))) : Optional.empty());
	}

}
