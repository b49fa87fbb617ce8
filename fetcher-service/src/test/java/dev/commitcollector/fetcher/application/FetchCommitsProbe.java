package dev.commitcollector.fetcher.application;

import java.time.Clock;
import java.util.List;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;

/** Lets tests in other packages run one whole fetch through the real use case. */
public final class FetchCommitsProbe {

	private FetchCommitsProbe() {
	}

	public static Mono<Fetch> run(Forge forge, CommitLog log, RepositoryPath repository, int limit, Clock clock) {
		return run(forge, log, repository, limit, FetchMode.INCREMENTAL, new InMemoryHistory(), clock);
	}

	/** One fetch in {@code mode}, remembering what it publishes in {@code history}. */
	public static Mono<Fetch> run(Forge forge, CommitLog log, RepositoryPath repository, int limit, FetchMode mode,
			History history, Clock clock) {
		return run(forge, log, MailmapLog.NONE, repository, limit, mode, history, clock);
	}

	/**
	 * One fetch in {@code mode}, remembering what it publishes in {@code history}, its
	 * mailmap published to {@code mailmaps}.
	 */
	public static Mono<Fetch> run(Forge forge, CommitLog log, MailmapLog mailmaps, RepositoryPath repository, int limit,
			FetchMode mode, History history, Clock clock) {
		Fetches fetches = new Fetches(new InMemoryFetchRecords());
		FetchCommits useCase = new FetchCommits(new Forges(List.of(forge)), log, mailmaps, fetches, history, clock,
				new FetchSettings(1), Unsent.COMMANDS, FetchMeters.NONE, FetchTraces.NONE);
		Fetch fetch = Fetch.start(forge.provider(), repository, limit, mode, clock.instant());
		fetches.add(fetch);
		return useCase.run(forge, fetch);
	}

}
