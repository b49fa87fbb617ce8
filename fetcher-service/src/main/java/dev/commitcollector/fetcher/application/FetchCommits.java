package dev.commitcollector.fetcher.application;

import java.time.Clock;
import java.util.List;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Fetching a repository's newest commits: page by page, one forge request at a time, each page
 * appended to the commit log as it arrives, so memory stays at two pages whatever the limit.
 */
@Service
public class FetchCommits {

	private static final Logger log = LoggerFactory.getLogger(FetchCommits.class);

	private final Forges forges;

	private final CommitLog commitLog;

	private final Fetches fetches;

	private final Clock clock;

	private final Permits running;

	FetchCommits(Forges forges, CommitLog commitLog, Fetches fetches, Clock clock, FetchSettings settings) {
		this.forges = forges;
		this.commitLog = commitLog;
		this.fetches = fetches;
		this.clock = clock;
		this.running = new Permits(settings.maxConcurrentFetches());
	}

	/**
	 * Starts a fetch in the background and returns it as it stands now (RUNNING). If the same repository
	 * is being fetched already, returns that fetch instead. Beyond the configured number of concurrent
	 * fetches, a new one waits (RUNNING, nothing discovered yet) for a running one to end.
	 */
	public Fetch start(String provider, RepositoryPath repository, int limit) {
		Forge forge = forges.named(provider);
		Fetch candidate = Fetch.start(provider, repository, limit, clock.instant());
		Fetch fetch = fetches.addUnlessRunning(candidate);
		if (fetch == candidate) {
			running.run(run(forge, fetch)).subscribe();
		}
		return fetch;
	}

	/** The whole run; completes when the fetch is COMPLETED or FAILED, never with an error. */
	Mono<Fetch> run(Forge forge, Fetch fetch) {
		log.info("fetch {} started: {} {} limit {}", fetch.id(), fetch.provider(), fetch.repository(), fetch.limit());
		return forge.firstPage(fetch.repository(), fetch.limit())
			.flatMap(page -> consume(forge, fetch.repository(), fetch, page))
			.map(last -> finish(fetch, f -> f.completed(clock.instant())))
			.onErrorResume(error -> Mono.just(finish(fetch, f -> f.failed(reasonFor(error), clock.instant()))))
			.contextWrite(context -> context.put(RateLimitWaits.class,
					(RateLimitWaits) until -> fetches.update(fetch.id(), f -> f.waiting(until))));
	}

	/**
	 * Appends this page while the next one is requested: still one forge request at a time, but the
	 * forge and Kafka round trips overlap, and at most two pages are held.
	 */
	private Mono<Fetch> consume(Forge forge, RepositoryPath repository, Fetch fetch, CommitPage page) {
		Fetch current = fetches.find(fetch.id()).orElse(fetch);
		List<DiscoveredCommit> wanted = page.commits().subList(0, Math.min(current.remaining(), page.commits().size()));
		Mono<Fetch> appended = commitLog.append(current, wanted)
			.then(Mono.fromSupplier(() -> fetches.update(fetch.id(), f -> f.discovered(wanted.size()))));
		boolean more = current.remaining() > wanted.size() && !page.commits().isEmpty() && page.next().isPresent();
		if (!more) {
			return appended;
		}
		// delay errors: a failing next page still lets this page's append finish and be counted
		return Mono.zipDelayError(appended, forge.nextPage(repository, page.next().get()))
			.flatMap(both -> consume(forge, repository, both.getT1(), both.getT2()));
	}

	private Fetch finish(Fetch fetch, java.util.function.UnaryOperator<Fetch> outcome) {
		Fetch finished = fetches.update(fetch.id(), outcome);
		log.info("fetch {} {}: {} commits{}", fetch.id(), finished.status(), finished.commitsDiscovered(),
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

}
