package dev.commitcollector.fetcher.application;

import java.util.List;

import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import reactor.core.publisher.Mono;

/**
 * Where discovered commits go: one {@code CommitDiscovered} event per commit, durable
 * when the Mono completes.
 */
public interface CommitLog {

	Mono<Void> append(Fetch fetch, List<DiscoveredCommit> commits);

}
