package dev.commitcollector.store.application;

import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.store.domain.CommitRecord;
import reactor.core.publisher.Mono;

/**
 * Stores a batch, isolating the records the database refuses for their data: a refused
 * batch is split in halves until each offender is alone, everything else is stored, and
 * the offenders are returned with the database's reason. A batch with one offender among
 * n costs about 2·log2(n) statements. Any other failure (the database is down, a
 * deadlock, a timeout) fails the whole call, to be retried.
 */
public final class StoreCommits {

	private final Commits commits;

	public StoreCommits(Commits commits) {
		this.commits = commits;
	}

	public Mono<Outcome> store(List<CommitRecord> batch) {
		return commits.store(batch)
			.map(stored -> new Outcome(stored, List.of()))
			.onErrorResume(Commits.Unstorable.class, refused -> {
				if (batch.size() == 1) {
					return Mono.just(new Outcome(0, List.of(new Refused(batch.get(0), refused.getMessage()))));
				}
				int half = batch.size() / 2;
				return store(batch.subList(0, half))
					.flatMap(first -> store(batch.subList(half, batch.size())).map(first::plus));
			});
	}

	/** How many commits were new, and which records the database refused. */
	public record Outcome(long stored, List<Refused> refused) {

		/** Nothing stored, nothing refused. */
		public static final Outcome NONE = new Outcome(0, List.of());

		public Outcome plus(Outcome other) {
			List<Refused> all = new ArrayList<>(refused);
			all.addAll(other.refused);
			return new Outcome(stored + other.stored, List.copyOf(all));
		}

	}

	/** A record the database refused, and its reason. */
	public record Refused(CommitRecord commit, String reason) {
	}

}
