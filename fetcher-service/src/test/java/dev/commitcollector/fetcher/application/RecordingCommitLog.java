package dev.commitcollector.fetcher.application;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import reactor.core.publisher.Mono;

/** A commit log that keeps each append in memory, and can be told to fail one of them. */
final class RecordingCommitLog implements CommitLog {

	private final List<Append> appends = new CopyOnWriteArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	private int failingCall;

	private RuntimeException failure;

	/**
	 * The {@code call}-th append (1-based) fails with {@code failure}; nothing of it is
	 * kept.
	 */
	RecordingCommitLog failingOnAppend(int call, RuntimeException failure) {
		this.failingCall = call;
		this.failure = failure;
		return this;
	}

	@Override
	public Mono<Void> append(Fetch fetch, List<DiscoveredCommit> commits) {
		return Mono.defer(() -> {
			if (calls.incrementAndGet() == failingCall) {
				return Mono.error(failure);
			}
			appends.add(new Append(fetch.id(), List.copyOf(commits)));
			return Mono.empty();
		});
	}

	List<Append> appends() {
		return List.copyOf(appends);
	}

	/** The non-empty appends' sizes, in order. */
	List<Integer> batchSizes() {
		return appends.stream().map(append -> append.commits().size()).filter(size -> size > 0).toList();
	}

	List<DiscoveredCommit> commits() {
		return appends.stream().flatMap(append -> append.commits().stream()).toList();
	}

	record Append(UUID fetchId, List<DiscoveredCommit> commits) {
	}

}
