package dev.commitcollector.fetcher.application;

import java.time.Instant;

/**
 * Told when a forge request waits for a rate limit, and until when ({@code null}: no
 * longer waiting). A fetch puts one in the Reactor context of its run, keyed by this
 * class; adapters tell it.
 */
@FunctionalInterface
public interface RateLimitWaits {

	RateLimitWaits NONE = until -> {
	};

	void waitingUntil(Instant until);

}
