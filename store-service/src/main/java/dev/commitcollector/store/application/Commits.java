package dev.commitcollector.store.application;

import java.util.List;

import dev.commitcollector.store.domain.CommitRecord;
import reactor.core.publisher.Mono;

/**
 * The commit store. {@link #store} is idempotent and atomic: a commit already stored is skipped, and
 * the author and repository counts move by exactly the commits that were new. Emits how many were new.
 */
public interface Commits {

	Mono<Long> store(List<CommitRecord> batch);

}
