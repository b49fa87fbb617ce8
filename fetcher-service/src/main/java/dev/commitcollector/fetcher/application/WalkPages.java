package dev.commitcollector.fetcher.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.HistoryWalk;
import reactor.core.publisher.Mono;

/**
 * Walks a fetch's pages: appends each page's new commits to the commit log, remembers
 * them, counts them on the fetch, and asks for the next page while the current one is
 * appended (still one forge request at a time, but the forge and Kafka round trips
 * overlap, and at most two pages are held), until the limit, the end of the history, or
 * an incremental walk that caught up.
 */
final class WalkPages {

	private final Forge forge;

	private final CommitLog commitLog;

	private final History history;

	private final Fetches fetches;

	private final RateLimitWaits waits;

	private final UUID fetchId;

	private final HistoryWalk walk;

	private final FetchMeters meters;

	WalkPages(Forge forge, CommitLog commitLog, History history, Fetches fetches, Fetch fetch, HistoryWalk walk,
			FetchMeters meters) {
		this.forge = forge;
		this.commitLog = commitLog;
		this.history = history;
		this.fetches = fetches;
		this.fetchId = fetch.id();
		this.walk = walk;
		this.meters = meters;
		this.waits = until -> {
			if (until != null) {
				meters.waitedForRateLimit(fetch.provider());
			}
			fetches.update(fetchId, f -> f.waiting(until));
		};
	}

	/** Walks from {@code page} on; emits the fetch as it stands when the walk ends. */
	Mono<Fetch> from(CommitPage page) {
		Fetch current = fetches.find(fetchId).orElseThrow();
		List<DiscoveredCommit> walked = page.commits().subList(0, Math.min(current.remaining(), page.commits().size()));
		return fresh(current, walked).flatMap(fresh -> {
			Mono<Fetch> appended = append(current, walked, fresh);
			boolean more = current.remaining() > walked.size() && !page.commits().isEmpty() && page.next().isPresent();
			if (!more) {
				if (page.next().isEmpty() && current.remaining() > walked.size()) {
					walk.reachedFirstCommit();
				}
				return appended;
			}
			if (walk.caughtUp()) {
				return appended;
			}
			// delay errors: a failing next page still lets this page's append finish and
			// be counted
			return Mono.zipDelayError(appended, forge.nextPage(current.repository(), page.next().get(), waits))
				.flatMap(both -> from(both.getT2()));
		});
	}

	private Mono<Fetch> append(Fetch fetch, List<DiscoveredCommit> walked, List<DiscoveredCommit> fresh) {
		return commitLog.append(fetch, fresh)
			.then(Mono.fromRunnable(() -> meters.published(fetch.provider(), fresh.size())))
			.then(history.remember(fetch.target(), fresh.stream().map(DiscoveredCommit::sha).toList()))
			.then(fetches.progress(fetchId,
					f -> f.discovered(fresh.size()).alreadyKnown(walked.size() - fresh.size())));
	}

	/** The commits of this page to publish, after asking the history what is known. */
	private Mono<List<DiscoveredCommit>> fresh(Fetch fetch, List<DiscoveredCommit> page) {
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
