package dev.commitcollector.fetcher.application;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.domain.Fetch;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * {@link FetchCommands} without a broker: each command is taken up in this process as it
 * is sent, as the instance owning its partition would. Can be made to refuse commands.
 */
public class InProcessCommands implements FetchCommands {

	private final List<Fetch> sent = new CopyOnWriteArrayList<>();

	private final List<Disposable> running = new CopyOnWriteArrayList<>();

	private volatile FetchCommits runner;

	private volatile RuntimeException failure;

	/** The use case that takes up every command from now on. */
	public InProcessCommands runBy(FetchCommits runner) {
		this.runner = runner;
		return this;
	}

	/** Every command from now on fails with {@code error}; {@code null}: none does. */
	public InProcessCommands failingWith(RuntimeException error) {
		this.failure = error;
		return this;
	}

	/** The fetches whose commands were sent, in order. */
	public List<Fetch> sent() {
		return List.copyOf(sent);
	}

	/** Cancels every fetch still running, as a stopping instance does. */
	public void stopAll() {
		running.forEach(Disposable::dispose);
	}

	@Override
	public Mono<Void> send(Fetch fetch) {
		return Mono.defer(() -> {
			if (failure != null) {
				return Mono.error(failure);
			}
			sent.add(fetch);
			if (runner != null) {
				running.add(runner.execute(fetch).subscribe());
			}
			return Mono.empty();
		});
	}

}
