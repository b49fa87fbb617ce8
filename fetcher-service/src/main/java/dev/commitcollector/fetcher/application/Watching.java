package dev.commitcollector.fetcher.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import dev.commitcollector.fetcher.domain.Watch;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Watching repositories: adding, showing and removing watches, each shown with its last
 * fetch as that fetch stands now. {@link WatchScheduler} runs them.
 */
@Service
public class Watching {

	/** The most watches one page of the listing shows. */
	public static final int MAX_LISTED = 1000;

	/**
	 * Longer would be no watch at all, and would overflow a timestamp sooner or later.
	 */
	public static final Duration MAX_INTERVAL = Duration.ofDays(365);

	private final Watches watches;

	private final Fetches fetches;

	private final Forges forges;

	private final Clock clock;

	private final Duration minInterval;

	private final int most;

	Watching(Watches watches, Fetches fetches, Forges forges, Clock clock, WatchSettings settings) {
		this.watches = watches;
		this.fetches = fetches;
		this.forges = forges;
		this.clock = clock;
		this.minInterval = settings.minInterval();
		this.most = settings.max();
	}

	/**
	 * Watches the repository from now on, its first fetch due at once; fails with
	 * {@link Watches.WatchExists} when it is watched already, and with
	 * {@link Watches.TooManyWatches} when WATCH_MAX watches exist.
	 */
	public Mono<WatchReport> watch(String provider, RepositoryPath repository, int limit, Duration interval) {
		forges.named(provider);
		if (interval.compareTo(minInterval) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
			throw new InvalidInterval("interval must be between " + minInterval + " (WATCH_MIN_INTERVAL) and "
					+ MAX_INTERVAL + ", was " + interval);
		}
		Watch watch = Watch.of(new RepositoryRef(provider, repository), limit, interval, clock.instant());
		return Mono.defer(() -> watches.add(watch, most)).map(added -> new WatchReport(added, Optional.empty()));
	}

	public Mono<Optional<WatchReport>> find(UUID id) {
		return watches.find(id)
			.flatMap(found -> found.isEmpty() ? Mono.just(Optional.<WatchReport>empty())
					: report(found.get()).map(Optional::of));
	}

	/**
	 * A page of at most {@code size} watches (up to {@link #MAX_LISTED}), by provider and
	 * repository, those after {@code after} when given; {@code next} is where the next
	 * page starts, empty on the last.
	 */
	public Mono<WatchPage> list(int size, Optional<RepositoryRef> after) {
		int pageSize = Math.max(1, Math.min(size, MAX_LISTED));
		return watches.list(pageSize + 1, after).flatMap(found -> {
			List<Watch> page = found.size() > pageSize ? found.subList(0, pageSize) : found;
			Optional<RepositoryRef> next = found.size() > pageSize ? Optional.of(page.get(pageSize - 1).target())
					: Optional.empty();
			return Flux.fromIterable(page)
				.flatMapSequential(this::report, 8)
				.collectList()
				.map(reports -> new WatchPage(reports, next));
		});
	}

	/** Whether there was such a watch; a fetch it started goes on. */
	public Mono<Boolean> remove(UUID id) {
		return watches.remove(id);
	}

	private Mono<WatchReport> report(Watch watch) {
		if (watch.lastFetch() == null) {
			return Mono.just(new WatchReport(watch, Optional.empty()));
		}
		return fetches.lookup(watch.lastFetch()).map(fetch -> new WatchReport(watch, fetch));
	}

	/** A page of the watch listing, and where the next one starts (none on the last). */
	public record WatchPage(List<WatchReport> watches, Optional<RepositoryRef> next) {
	}

	/** A watch and its last fetch as it stands now (none before its first turn). */
	public record WatchReport(Watch watch, Optional<Fetch> lastFetch) {
	}

	/** An interval shorter than this fetcher allows, or absurdly long. */
	public static final class InvalidInterval extends IllegalArgumentException {

		InvalidInterval(String message) {
			super(message);
		}

	}

}
