package dev.commitcollector.fetcher.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.HistoryWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Walks a fetch's pages as a pipeline of three stages, each page passing them in order:
 * read it from the forge, publish its new commits to the commit log, record them (the
 * history's memory and the fetch's progress). While page k is published, page k + 1 is
 * read and page k - 1 recorded, so a page costs the slowest stage, not the sum of the
 * round trips. Still one forge request at a time, at most one page ahead of the one being
 * published, and at most three pages held. The walk ends at the limit, at the end of the
 * history, or when an incremental walk caught up; the next page is read before the
 * history has answered for this one only where {@link HistoryWalk#mayReadPast} allows.
 */
final class WalkPages {

	private static final Logger log = LoggerFactory.getLogger(WalkPages.class);

	private static final Mono<Optional<CommitPage>> NO_PAGE = Mono.just(Optional.empty());

	private final Forge forge;

	private final CommitLog commitLog;

	private final History history;

	private final WalkRecords walkRecords;

	private final Fetches fetches;

	private final RateLimitWaits waits;

	private final Fetch fetch;

	private final UUID fetchId;

	private final HistoryWalk walk;

	private final FetchMeters meters;

	/**
	 * Commits walked by the pages read so far; only the walk's steps, in turn, touch it.
	 */
	private long walked;

	/**
	 * The next page of the last page read, until it is read: released when the walk ends
	 * without it.
	 */
	private volatile PageCursor unread;

	/** Pages in a row that held no commit to walk. */
	private int emptyInARow;

	/**
	 * How many pages in a row may hold no commit to walk (all of them unreadable, or
	 * repeated) before the fetch fails: a forge sending empty pages with a next one for
	 * ever would be asked for ever.
	 */
	static final int MAX_EMPTY_PAGES_IN_A_ROW = 3;

	WalkPages(Forge forge, CommitLog commitLog, History history, WalkRecords walkRecords, Fetches fetches, Fetch fetch,
			HistoryWalk walk, FetchMeters meters) {
		this.forge = forge;
		this.commitLog = commitLog;
		this.history = history;
		this.walkRecords = walkRecords;
		this.fetches = fetches;
		this.fetch = fetch;
		this.fetchId = fetch.id();
		this.walk = walk;
		this.meters = meters;
		this.waits = until -> {
			Fetch waiting = fetches.update(fetchId, f -> f.waiting(until));
			if (until != null) {
				meters.waitedForRateLimit(fetch.provider());
				// a wait may be long: the listing, and other instances, show it from now
				if (waiting != null) {
					fetches.record(waiting).subscribe();
				}
			}
		};
	}

	/**
	 * Walks from {@code first} on; {@code afterLastRead} runs once the last page has been
	 * read, beside its publishing (so a request it makes waits for no page's). Emits the
	 * fetch as it stands when the walk ends.
	 */
	Mono<Fetch> from(CommitPage first, Mono<Void> afterLastRead) {
		return Mono.defer(() -> step(first, Mono.empty(), afterLastRead.cache()))
			.doFinally(signal -> releaseUnread())
			.then(Mono.fromSupplier(() -> fetches.find(fetchId).orElseThrow()));
	}

	/**
	 * Page {@code page} is read: publishes it while {@code recordPrevious} records the
	 * page before it and, when the walk goes on, the next page is read, and records it as
	 * soon as it is published (after the page before); then steps on to that page. When a
	 * stage fails, the others end first and a page that was published is still recorded.
	 */
	private Mono<Void> step(CommitPage page, Mono<Void> recordPrevious, Mono<Void> afterLastRead) {
		long read = System.nanoTime();
		unread = page.next().orElse(null);
		long remaining = Math.max(0, fetch.limit() - walked);
		if (page.unreadable() > 0) {
			walk.setAside();
		}
		List<DiscoveredCommit> unrepeated = walk.unrepeated(page.commits());
		List<DiscoveredCommit> commits = unrepeated.subList(0, (int) Math.min(remaining, unrepeated.size()));
		walked += commits.size();
		boolean advanced = !commits.isEmpty() && walk.advanced();
		emptyInARow = advanced ? 0 : emptyInARow + 1;
		boolean endless = emptyInARow > MAX_EMPTY_PAGES_IN_A_ROW && page.next().isPresent();
		if (endless && commits.isEmpty() && page.unreadable() == 0 && walk.closed()) {
			log.warn("fetch {}: the walk reached the first commit and the forge went on naming next pages that list"
					+ " nothing; the walk ends there", fetchId);
			walk.reachedFirstCommit();
			return recordPrevious.then(afterLastRead);
		}
		if (endless) {
			// not the end of the history, and not a whole walk: the fetch fails saying
			// so, keeping what it published
			return recordPrevious.then(Mono.error(new ForgeFailure.MalformedAnswer("the forge sent " + emptyInARow
					+ " pages in a row without a commit new to the walk (none it could read, or only commits it had "
					+ "listed already), each naming a next page; the walk stopped after " + walked + " commits")));
		}
		boolean more = remaining > commits.size() && page.next().isPresent();
		if (!advanced && more) {
			log.warn("fetch {}: the forge sent a page without a commit new to the walk (none it could read, or only"
					+ " commits it had listed already), and a next page; the walk goes on", fetchId);
		}
		if (page.unreadable() > 0) {
			meters.unreadable(fetch.provider(), page.unreadable());
			log.warn("fetch {}: the forge sent {} commits on this page that cannot be read; they are set aside",
					fetchId, page.unreadable());
		}
		if (unrepeated.size() < page.commits().size()) {
			log.warn("fetch {}: the forge listed {} commits again that the page before listed; each is walked once",
					fetchId, page.commits().size() - unrepeated.size());
		}
		if (!more && page.next().isEmpty() && remaining > commits.size() && !walk.ranOutOfPages(commits)) {
			log.warn("fetch {}: the forge gave no page after this one, and not every parent of the commits walked"
					+ " was listed (a missing link to the next page, or a gap); the walk ends here, and the next fetch"
					+ " walks the history again", fetchId);
		}
		boolean readAhead = more && walk.mayReadPast(commits);
		AtomicReference<Mono<Void>> record = new AtomicReference<>(Mono.empty());
		Mono<Optional<CommitPage>> next = readAhead ? read(page) : more ? NO_PAGE : lastRead(afterLastRead);
		Mono<Optional<CommitPage>> checkedNext = fresh(commits, advanced).flatMap(fresh -> {
			Mono<Optional<CommitPage>> after = !more || readAhead ? NO_PAGE
					: walk.caughtUp() ? lastRead(afterLastRead) : read(page);
			return Mono.zipDelayError(after, publish(fresh).doOnSuccess(published -> {
				// recorded once published (after the page before), not once the next
				// page is in: a fetch its forge holds (a rate limit) shows its progress
				Mono<Void> recording = recordPrevious.then(record(commits, fresh, page.unreadable(), read)).cache();
				recording.subscribe(null, unrecorded -> {
					// the step that awaits it fails with it
				});
				record.set(recording);
			}).thenReturn(true)).map(both -> both.getT1());
		});
		return Mono.zipDelayError(next, checkedNext, recordPrevious.thenReturn(true))
			.onErrorResume(error -> record.get().onErrorResume(unrecorded -> Mono.empty()).then(Mono.error(error)))
			.flatMap(all -> {
				Optional<CommitPage> following = all.getT1().or(all::getT2).filter(ahead -> !walk.caughtUp());
				if (following.isEmpty()) {
					return record.get().and(afterLastRead);
				}
				return step(following.get(), record.get(), afterLastRead);
			});
	}

	private Mono<Optional<CommitPage>> read(CommitPage page) {
		return forge.nextPage(fetch.repository(), page.next().orElseThrow(), waits).map(Optional::of);
	}

	private void releaseUnread() {
		PageCursor cursor = unread;
		if (cursor != null) {
			unread = null;
			forge.release(fetch.repository(), cursor);
		}
	}

	private static Mono<Optional<CommitPage>> lastRead(Mono<Void> afterLastRead) {
		return afterLastRead.then(NO_PAGE);
	}

	private Mono<Void> publish(List<DiscoveredCommit> fresh) {
		return commitLog.append(fetch, fresh)
			.then(Mono.fromRunnable(() -> meters.published(fetch.provider(), fresh.size())));
	}

	/**
	 * Remembers the page's published commits and counts the page (and its commits set
	 * aside) on the fetch, in one write ({@link WalkRecords}); says at debug level how
	 * long after the page was {@code read} (nanoTime) it was published and recorded.
	 */
	private Mono<Void> record(List<DiscoveredCommit> commits, List<DiscoveredCommit> fresh, int setAside, long read) {
		long published = System.nanoTime();
		return Mono.defer(() -> {
			Fetch progressed = fetches.update(fetchId,
					f -> f.discovered(fresh.size()).alreadyKnown(commits.size() - fresh.size()).setAside(setAside));
			return Fetches.written(progressed,
					walkRecords.record(progressed, fresh.stream().map(DiscoveredCommit::sha).toList()));
		})
			.doOnSuccess(recorded -> log.debug(
					"fetch {}: a page of {} commits ({} new) published {} ms and recorded {} ms after it was read",
					fetchId, commits.size(), fresh.size(), (published - read) / 1_000_000,
					(System.nanoTime() - read) / 1_000_000))
			.then();
	}

	/**
	 * The commits of this page to publish, after asking the history what is known. A page
	 * of a full walk that brought nothing new to it (a forge serving pages again, or in
	 * circles) publishes only what no fetch published yet: the history says so exactly,
	 * where the walk's filter only says what it probably walked.
	 */
	private Mono<List<DiscoveredCommit>> fresh(List<DiscoveredCommit> page, boolean advanced) {
		if (!walk.isIncremental() && !advanced && !page.isEmpty()) {
			return history.known(fetch.target(), page.stream().map(DiscoveredCommit::sha).toList())
				.map(known -> page.stream().filter(commit -> !known.contains(commit.sha())).toList());
		}
		if (!walk.isIncremental() || page.isEmpty()) {
			return Mono.just(walk.fresh(page, Set.of()));
		}
		return history.known(fetch.target(), page.stream().map(DiscoveredCommit::sha).toList())
			.map(known -> walk.fresh(page, known))
			.flatMap(fresh -> walk.unseenParents().isEmpty() ? Mono.just(fresh)
					: history.known(fetch.target(), walk.unseenParents()).map(known -> {
						walk.parentsKnown(known);
						return fresh;
					}));
	}

	RateLimitWaits waits() {
		return waits;
	}

}
