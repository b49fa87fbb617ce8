package dev.commitcollector.fetcher.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An in-memory forge: a history of {@code size} commits, served newest first in pages,
 * recording what was asked.
 */
final class FakeForge implements Forge {

	private final List<DiscoveredCommit> history;

	private final List<Integer> requestedPages = new CopyOnWriteArrayList<>();

	private final List<Integer> pageSizeHints = new CopyOnWriteArrayList<>();

	private Integer servedPageSize;

	private int failingPage;

	private ForgeFailure failure;

	private Mono<Void> gate = Mono.empty();

	private final Map<String, Sinks.Empty<Void>> asked = new ConcurrentHashMap<>();

	private boolean readsMailmaps;

	/** Whether the first page carries a validator and answers a match as unchanged. */
	private boolean conditional;

	private final AtomicInteger mailmapFailuresLeft = new AtomicInteger();

	private final AtomicInteger mailmapReads = new AtomicInteger();

	private int unreadablePerPage;

	private int emptyPage;

	private boolean emptyOnwards;

	private final List<String> released = new CopyOnWriteArrayList<>();

	private int cycleFrom;

	private int cycleBackTo;

	private int gapAt;

	private boolean nextPastTheEnd;

	private FakeForge(List<DiscoveredCommit> history) {
		this.history = history;
	}

	static FakeForge withCommits(int size) {
		List<DiscoveredCommit> history = new ArrayList<>();
		Instant newest = Instant.parse("2026-04-30T00:00:00Z");
		for (int i = 0; i < size; i++) {
			Instant at = newest.minusSeconds(60L * i);
			var author = new CommitAuthor("Author " + i % 5, "a" + i % 5 + "@example.org", null);
			history.add(new DiscoveredCommit(sha(i), author, at, at, "Commit " + i));
		}
		return new FakeForge(List.copyOf(history));
	}

	/**
	 * A linear history of {@code size} commits, each listing the next as its parent, as a
	 * forge that lists parents does.
	 */
	static FakeForge withLinkedCommits(int size) {
		List<DiscoveredCommit> unlinked = withCommits(size).history;
		List<DiscoveredCommit> history = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			DiscoveredCommit commit = unlinked.get(i);
			history.add(new DiscoveredCommit(commit.sha(), commit.author(), commit.authoredAt(), commit.committedAt(),
					commit.messageHeadline(), i + 1 < size ? List.of(sha(i + 1)) : List.of()));
		}
		return new FakeForge(List.copyOf(history));
	}

	/**
	 * From page {@code number} on, serves the pages from {@code backTo} again, in a
	 * cycle, each naming a next page, as a forge whose paging runs in circles does.
	 */
	FakeForge cyclingFrom(int number, int backTo) {
		this.cycleFrom = number;
		this.cycleBackTo = backTo;
		return this;
	}

	/**
	 * Serves page {@code number} without a commit but with a next page, and leaves its
	 * commits out: the page after it serves what it would have.
	 */
	FakeForge leavingOutPage(int number) {
		this.gapAt = number;
		return this;
	}

	/** The last page names a next one, and so does every empty page after it. */
	FakeForge namingNextPagesPastTheEnd() {
		this.nextPastTheEnd = true;
		return this;
	}

	/**
	 * Serves pages of this size whatever the caller hinted, as a forge with a fixed page
	 * size does.
	 */
	FakeForge servingPagesOf(int size) {
		this.servedPageSize = size;
		return this;
	}

	FakeForge failingOnPage(int page, ForgeFailure failure) {
		this.failingPage = page;
		this.failure = failure;
		return this;
	}

	/**
	 * Each page also holds {@code count} items that cannot be read, as a forge sending
	 * broken commits does (set aside by the adapter).
	 */
	FakeForge withUnreadableOnEachPage(int count) {
		this.unreadablePerPage = count;
		return this;
	}

	/**
	 * Serves page {@code number} without a commit but with a next page, and the history
	 * on from the page after it; with {@code onwards}, every page from {@code number} on
	 * is such a page, without end.
	 */
	FakeForge servingAnEmptyPageAt(int number, boolean onwards) {
		this.emptyPage = number;
		this.emptyOnwards = onwards;
		return this;
	}

	/** Holds the first page back until {@code gate} completes. */
	FakeForge holdingTheFirstPageUntil(Mono<Void> gate) {
		this.gate = gate;
		return this;
	}

	/** Serves no {@code .mailmap} ({@link Mailmap#NONE}) when asked for one. */
	FakeForge readingMailmaps() {
		this.readsMailmaps = true;
		return this;
	}

	/**
	 * Gives the first page a validator (its first commit's sha), and answers a request
	 * carrying it as unchanged, as GitHub's {@code 304}.
	 */
	FakeForge answeringConditionally() {
		this.conditional = true;
		return this;
	}

	/** Fails the first {@code count} reads of the {@code .mailmap}, as a forge away. */
	FakeForge failingMailmapReads(int count) {
		mailmapFailuresLeft.set(count);
		return this;
	}

	/** How many times the {@code .mailmap} was asked for. */
	int mailmapReads() {
		return mailmapReads.get();
	}

	/** Completes once page {@code number} has been asked for. */
	Mono<Void> asked(int number) {
		return asked(String.valueOf(number));
	}

	/** Completes once the {@code .mailmap} has been asked for. */
	Mono<Void> askedForTheMailmap() {
		return asked("mailmap");
	}

	private Mono<Void> asked(String what) {
		return asked.computeIfAbsent(what, key -> Sinks.empty()).asMono();
	}

	private void ask(String what) {
		asked.computeIfAbsent(what, key -> Sinks.empty()).tryEmitEmpty();
	}

	@Override
	public Mono<Mailmap> mailmap(RepositoryPath repository, String sha, RateLimitWaits waits) {
		return readsMailmaps ? Mono.fromSupplier(() -> {
			ask("mailmap");
			mailmapReads.incrementAndGet();
			if (mailmapFailuresLeft.getAndDecrement() > 0) {
				throw new IllegalStateException("the forge is away");
			}
			return Mailmap.NONE;
		}) : Mono.empty();
	}

	@Override
	public String provider() {
		return "fake";
	}

	@Override
	public ForgeType type() {
		return ForgeType.GITHUB;
	}

	@Override
	public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
		pageSizeHints.add(pageSize);
		// like a forge, the fake caps the page size it is hinted at
		int size = servedPageSize != null ? servedPageSize : Math.min(pageSize, 100);
		if (!conditional) {
			return gate.then(page(1, size));
		}
		return gate.then(page(1, size)).map(first -> {
			String head = first.commits().isEmpty() ? "empty" : first.commits().get(0).sha();
			return head.equals(etag) ? CommitPage.notModified(etag) : first.withEtag(head);
		});
	}

	@Override
	public void release(RepositoryPath repository, PageCursor cursor) {
		released.add(cursor.value());
	}

	/** The cursors a walk said it would not ask for, as {@code page:size}. */
	List<String> released() {
		return released;
	}

	@Override
	public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
		String[] parts = cursor.value().split(":");
		return page(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
	}

	private Mono<CommitPage> page(int number, int size) {
		return Mono.defer(() -> {
			requestedPages.add(number);
			ask(String.valueOf(number));
			if (number == failingPage) {
				return Mono.error(failure);
			}
			if (emptyPage > 0 && (number == emptyPage || emptyOnwards && number > emptyPage)) {
				return Mono.just(new CommitPage(List.of(), Optional.of(new PageCursor((number + 1) + ":" + size))));
			}
			if (number == gapAt) {
				return Mono.just(new CommitPage(List.of(), Optional.of(new PageCursor((number + 1) + ":" + size))));
			}
			int served = emptyPage > 0 && number > emptyPage ? number - 1 : number;
			if (cycleFrom > 0 && number >= cycleFrom) {
				served = cycleBackTo + (number - cycleFrom) % (cycleFrom - cycleBackTo);
			}
			int from = Math.min(history.size(), (served - 1) * size);
			int to = Math.min(history.size(), from + size);
			Optional<PageCursor> next = to < history.size() || nextPastTheEnd || cycleFrom > 0
					? Optional.of(new PageCursor((number + 1) + ":" + size)) : Optional.empty();
			return Mono.just(new CommitPage(history.subList(from, to), unreadablePerPage, next));
		});
	}

	List<DiscoveredCommit> history() {
		return history;
	}

	List<Integer> requestedPages() {
		return List.copyOf(requestedPages);
	}

	List<Integer> pageSizeHints() {
		return List.copyOf(pageSizeHints);
	}

	/** Never the null sha, which names no commit. */
	private static String sha(int i) {
		return HexFormat.of().formatHex(new byte[20]).substring(8) + String.format("%08x", i + 1);
	}

}
