package dev.commitcollector.fetcher.application;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Fetching a repository's newest commits: page by page, one forge request at a time, each
 * page appended to the commit log as it arrives, so memory stays at two pages whatever
 * the limit.
 * <p>
 * A repeated fetch is incremental when earlier ones reach back as far as it asks: it asks
 * the forge conditionally (an unchanged repository costs one request), publishes only
 * commits not published before, and stops paging once it walked onto known history with
 * no new commit's parent left unseen (so commits a merge brought in, which list after
 * older known ones, are not missed).
 */
@Service
public class FetchCommits {

	private static final Logger log = LoggerFactory.getLogger(FetchCommits.class);

	private final Forges forges;

	private final CommitLog commitLog;

	private final Fetches fetches;

	private final History history;

	private final Clock clock;

	private final Permits running;

	FetchCommits(Forges forges, CommitLog commitLog, Fetches fetches, History history, Clock clock,
			FetchSettings settings) {
		this.forges = forges;
		this.commitLog = commitLog;
		this.fetches = fetches;
		this.history = history;
		this.clock = clock;
		this.running = new Permits(settings.maxConcurrentFetches());
	}

	/**
	 * Starts a fetch in the background and returns it as it stands now (RUNNING). If the
	 * same repository is being fetched already, returns that fetch instead. Beyond the
	 * configured number of concurrent fetches, a new one waits (RUNNING, nothing
	 * discovered yet) for a running one to end.
	 */
	public Fetch start(String provider, RepositoryPath repository, int limit, FetchMode mode) {
		Forge forge = forges.named(provider);
		Fetch candidate = Fetch.start(provider, repository, limit, mode, clock.instant());
		Fetch fetch = fetches.addUnlessRunning(candidate);
		if (fetch == candidate) {
			running.run(run(forge, fetch)).subscribe();
		}
		return fetch;
	}

	/**
	 * The whole run; completes when the fetch is COMPLETED or FAILED, never with an
	 * error.
	 */
	Mono<Fetch> run(Forge forge, Fetch fetch) {
		log.info("fetch {} started: {} {} limit {} ({})", fetch.id(), fetch.provider(), fetch.repository(),
				fetch.limit(), fetch.mode());
		return history.recall(fetch.provider(), fetch.repository())
			.map(memory -> memory.filter(m -> fetch.mode() == FetchMode.INCREMENTAL && m.reaches(fetch.limit())))
			.flatMap(memory -> forge
				.firstPage(fetch.repository(), fetch.limit(), memory.map(RepositoryMemory::etag).orElse(null))
				.flatMap(first -> first.notModified() ? Mono.just(memory.get())
						: walk(forge, fetch, new Walk(memory.isPresent()), first)
							.map(walk -> walk.memory(first, memory)))
				.flatMap(reached -> history.completed(fetch.provider(), fetch.repository(), reached)))
			.then(Mono.fromSupplier(() -> finish(fetch, f -> f.completed(clock.instant()))))
			.onErrorResume(error -> Mono.just(finish(fetch, f -> f.failed(reasonFor(error), clock.instant()))))
			.contextWrite(context -> context.put(RateLimitWaits.class,
					(RateLimitWaits) until -> fetches.update(fetch.id(), f -> f.waiting(until))));
	}

	/**
	 * Appends this page while the next one is requested (unless the walk caught up with
	 * known history): still one forge request at a time, but the forge and Kafka round
	 * trips overlap, and at most two pages are held.
	 */
	private Mono<Walk> walk(Forge forge, Fetch fetch, Walk walk, CommitPage page) {
		Fetch current = fetches.find(fetch.id()).orElse(fetch);
		List<DiscoveredCommit> walked = page.commits().subList(0, Math.min(current.remaining(), page.commits().size()));
		return walk.publishable(history, fetch, walked).flatMap(fresh -> {
			Mono<Walk> appended = commitLog.append(current, fresh)
				.then(history.remember(fetch.provider(), fetch.repository(),
						fresh.stream().map(DiscoveredCommit::sha).toList()))
				.then(Mono.fromSupplier(() -> {
					fetches.update(fetch.id(),
							f -> f.discovered(fresh.size()).alreadyKnown(walked.size() - fresh.size()));
					return walk.walked(walked, fresh);
				}));
			boolean more = current.remaining() > walked.size() && !page.commits().isEmpty() && page.next().isPresent();
			if (!more) {
				return appended.map(done -> done.ended(page.next().isEmpty() && current.remaining() > walked.size()));
			}
			if (walk.caughtUp()) {
				return appended;
			}
			// delay errors: a failing next page still lets this page's append finish and
			// be counted
			return Mono.zipDelayError(appended, forge.nextPage(fetch.repository(), page.next().get()))
				.flatMap(both -> walk(forge, fetch, both.getT1(), both.getT2()));
		});
	}

	private Fetch finish(Fetch fetch, UnaryOperator<Fetch> outcome) {
		Fetch finished = fetches.update(fetch.id(), outcome);
		log.info("fetch {} {}: {} commits published, {} already known{}", fetch.id(), finished.status(),
				finished.commitsDiscovered(), finished.commitsAlreadyKnown(),
				finished.error() == null ? "" : " (" + finished.error() + ")");
		return finished;
	}

	private static String reasonFor(Throwable error) {
		if (error instanceof ForgeFailure) {
			return error.getMessage();
		}
		log.warn("fetch failed unexpectedly", error);
		return "publishing commits failed: " + error.getClass().getSimpleName()
				+ (error.getMessage() == null ? "" : ": " + error.getMessage());
	}

	/**
	 * Where a walk down the history stands: how many commits it walked and published,
	 * and, when it is incremental, the parents of new commits it has not seen yet. It has
	 * caught up with what is known when a page held a known commit and no new commit
	 * waits for an unseen parent.
	 */
	static final class Walk {

		private final boolean incremental;

		private final Set<String> unseenParents = new HashSet<>();

		private final Set<String> seen = new HashSet<>();

		private long walked;

		private long published;

		private boolean metKnown;

		private boolean complete;

		Walk(boolean incremental) {
			this.incremental = incremental;
		}

		/**
		 * The commits of this page to publish: all of them, or in an incremental walk
		 * those not known yet.
		 */
		Mono<List<DiscoveredCommit>> publishable(History history, Fetch fetch, List<DiscoveredCommit> page) {
			if (!incremental || page.isEmpty()) {
				return Mono.just(page);
			}
			return history
				.known(fetch.provider(), fetch.repository(), page.stream().map(DiscoveredCommit::sha).toList())
				.map(known -> {
					metKnown |= !known.isEmpty();
					List<DiscoveredCommit> fresh = page.stream().filter(c -> !known.contains(c.sha())).toList();
					for (DiscoveredCommit commit : page) {
						seen.add(commit.sha());
						unseenParents.remove(commit.sha());
					}
					for (DiscoveredCommit commit : fresh) {
						commit.parents().stream().filter(p -> !seen.contains(p)).forEach(unseenParents::add);
					}
					// parents that are themselves known need no walking to
					return fresh;
				})
				.flatMap(fresh -> unseenParents.isEmpty() ? Mono.just(fresh)
						: history.known(fetch.provider(), fetch.repository(), Set.copyOf(unseenParents)).map(known -> {
							unseenParents.removeAll(known);
							return fresh;
						}));
		}

		Walk walked(List<DiscoveredCommit> page, List<DiscoveredCommit> fresh) {
			walked += page.size();
			published += fresh.size();
			return this;
		}

		boolean caughtUp() {
			return incremental && metKnown && unseenParents.isEmpty();
		}

		Walk ended(boolean reachedFirstCommit) {
			complete = reachedFirstCommit;
			return this;
		}

		/** What is known after this walk, from the head of its first page. */
		RepositoryMemory memory(CommitPage first, Optional<RepositoryMemory> before) {
			String head = first.commits().isEmpty() ? null : first.commits().get(0).sha();
			if (caughtUp() && before.isPresent()) {
				return new RepositoryMemory(head, before.get().depth() + published, before.get().complete(),
						first.etag());
			}
			return new RepositoryMemory(head, walked, complete, first.etag());
		}

	}

}
