package dev.commitcollector.fetcher.application;

import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.HistoryWalk;
import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Fetching a repository's newest commits: recall what earlier fetches published, ask the
 * forge for the first page (conditionally, when the memory reaches as far as this fetch
 * asks), walk the pages ({@link WalkPages}, deciding with a {@link HistoryWalk}), then
 * record where the walk left the repository and end the fetch.
 */
@Service
public class FetchCommits {

	private static final Logger log = LoggerFactory.getLogger(FetchCommits.class);

	private final Forges forges;

	private final CommitLog commitLog;

	private final Fetches fetches;

	private final History history;

	private final Clock clock;

	private final Permits permits;

	private final RunningFetches running;

	private final int maxQueued;

	@Autowired
	FetchCommits(Forges forges, CommitLog commitLog, Fetches fetches, History history, Clock clock,
			FetchSettings settings, RunningFetches running) {
		this.forges = forges;
		this.commitLog = commitLog;
		this.fetches = fetches;
		this.history = history;
		this.clock = clock;
		this.permits = new Permits(settings.maxConcurrentFetches());
		this.running = running;
		this.maxQueued = settings.maxQueued();
	}

	FetchCommits(Forges forges, CommitLog commitLog, Fetches fetches, History history, Clock clock,
			FetchSettings settings) {
		this(forges, commitLog, fetches, history, clock, settings,
				new RunningFetches(fetches, clock, settings.shutdownGrace()));
	}

	/**
	 * Records a fetch (QUEUED) and starts it in the background; emits it as it stands
	 * once recorded (RUNNING when its turn came at once). If the same repository has a
	 * fetch waiting or running already, emits that fetch instead. Beyond the configured
	 * number of concurrent fetches, a new one waits (QUEUED) for a running one to end;
	 * beyond the configured number of waiting ones, none is started ({@link QueueFull}).
	 * A fetch that cannot be recorded is not started ({@link Fetches.NotRecorded}).
	 */
	public Mono<Fetch> start(String provider, RepositoryPath repository, int limit, FetchMode mode) {
		Forge forge = forges.named(provider);
		RepositoryRef target = new RepositoryRef(provider, repository);
		Fetch fetch;
		Mono<Fetch> recorded;
		synchronized (this) {
			Optional<Fetch> already = fetches.active(target);
			if (already.isPresent()) {
				return Mono.just(already.get());
			}
			// a fetch that finds a free slot does not wait, whatever the bound on waiting
			// ones
			if (permits.available() == 0 && fetches.queued() >= maxQueued) {
				throw new QueueFull(maxQueued);
			}
			fetch = Fetch.requested(target, limit, mode, clock.instant());
			recorded = fetches.requested(fetch);
		}
		return recorded.then(running.start(fetch.id(), permits.run(run(forge, fetch))))
			.then(Mono.fromSupplier(() -> fetches.find(fetch.id()).orElse(fetch)));
	}

	/**
	 * The whole run, from its turn on (RUNNING); completes when the fetch is COMPLETED or
	 * FAILED and recorded so, never with an error.
	 */
	Mono<Fetch> run(Forge forge, Fetch fetch) {
		return fetches.progress(fetch.id(), Fetch::running)
			.doOnNext(running -> log.info("fetch {} started: {} limit {} ({})", fetch.id(), fetch.target(),
					fetch.limit(), fetch.mode()))
			.then(history.recall(fetch.target()))
			.map(memory -> memory.filter(m -> fetch.mode() == FetchMode.INCREMENTAL && m.reaches(fetch.limit())))
			.flatMap(memory -> walk(forge, fetch, memory))
			.flatMap(reached -> history.completed(fetch.target(), reached))
			.then(Mono.defer(() -> finish(fetch, f -> f.completed(clock.instant()))))
			.onErrorResume(error -> finish(fetch, f -> f.failed(reasonFor(error), clock.instant())));
	}

	/** Walks the history from the first page; emits what is known once it is done. */
	private Mono<RepositoryMemory> walk(Forge forge, Fetch fetch, Optional<RepositoryMemory> memory) {
		HistoryWalk walk = memory.isPresent() ? HistoryWalk.incremental() : HistoryWalk.full();
		WalkPages pages = new WalkPages(forge, commitLog, history, fetches, fetch, walk);
		String etag = memory.map(RepositoryMemory::etag).orElse(null);
		return forge.firstPage(fetch.repository(), fetch.limit(), etag, pages.waits())
			.flatMap(first -> first.notModified() ? Mono.just(memory.get())
					: pages.from(first).map(walked -> walk.memory(first, memory, walked.progress())));
	}

	private Mono<Fetch> finish(Fetch fetch, UnaryOperator<Fetch> outcome) {
		return fetches.end(fetch.id(), outcome)
			.doOnNext(finished -> log.info("fetch {} {}: {} commits published, {} already known{}", fetch.id(),
					finished.status(), finished.commitsDiscovered(), finished.commitsAlreadyKnown(),
					finished.error() == null ? "" : " (" + finished.error() + ")"));
	}

	private static String reasonFor(Throwable error) {
		if (error instanceof ForgeFailure) {
			return error.getMessage();
		}
		log.warn("fetch failed unexpectedly", error);
		return "publishing commits failed: " + error.getClass().getSimpleName()
				+ (error.getMessage() == null ? "" : ": " + error.getMessage());
	}

	/** As many fetches wait for their turn as the fetcher lets wait: try again later. */
	public static final class QueueFull extends RuntimeException {

		QueueFull(int maxQueued) {
			super(maxQueued + " fetches are waiting for their turn already (FETCH_MAX_QUEUED); try again later");
		}

	}

}
