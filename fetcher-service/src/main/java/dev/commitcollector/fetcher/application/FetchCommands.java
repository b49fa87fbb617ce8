package dev.commitcollector.fetcher.application;

import dev.commitcollector.fetcher.domain.Fetch;
import reactor.core.publisher.Mono;

/**
 * Where a requested fetch goes to be run: a command that whichever fetcher instance owns
 * the repository's turn takes up ({@link FetchCommits#execute}). One repository's
 * commands are taken up in order, one at a time.
 */
public interface FetchCommands {

	/** Sends the command to run {@code fetch}; completes once it is durably queued. */
	Mono<Void> send(Fetch fetch);

}
