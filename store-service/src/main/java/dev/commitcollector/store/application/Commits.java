package dev.commitcollector.store.application;

import java.util.List;

import dev.commitcollector.store.domain.CommitRecord;
import reactor.core.publisher.Mono;

/**
 * The commit store. {@link #store} is idempotent and atomic: a commit already stored is
 * skipped, and the author and repository counts move by exactly the commits that were
 * new. Emits how many were new. A batch the database refuses for its data, not for its
 * state, fails with {@link Unstorable}; any other failure is worth retrying as it is.
 */
public interface Commits {

	Mono<Long> store(List<CommitRecord> batch);

	/**
	 * The database refused the batch because of what is in it (a value out of range, too
	 * long to index...).
	 */
	final class Unstorable extends RuntimeException {

		public Unstorable(String reason, Throwable cause) {
			super(reason, cause);
		}

	}

}
