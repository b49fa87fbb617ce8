package dev.commitcollector.fetcher.application;

import java.time.Instant;

/**
 * Told when a forge request waits for a rate limit, and until when ({@code null}: no
 * longer waiting). A fetch passes one to each {@link Forge} call; the adapter hands it to
 * the retry of each request it makes.
 */
@FunctionalInterface
public interface RateLimitWaits {

	/** Tells nobody. */
	RateLimitWaits NONE = until -> {
	};

	void waitingUntil(Instant until);

}
