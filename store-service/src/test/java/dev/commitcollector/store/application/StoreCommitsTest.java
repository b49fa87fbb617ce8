package dev.commitcollector.store.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.commitcollector.store.domain.AuthorIdentity;
import dev.commitcollector.store.domain.CommitRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class StoreCommitsTest {

	/**
	 * Refuses any batch holding a commit by "evil", as PostgreSQL refuses a batch with
	 * one bad row.
	 */
	private final RefusingStore store = new RefusingStore();

	private final StoreCommits commits = new StoreCommits(store);

	@Test
	void storesEveryRecordButTheOffendersAndReturnsEachOffenderWithItsReason() {
		List<CommitRecord> batch = batch(100, 3, 50, 99);

		StoreCommits.Outcome outcome = commits.store(batch).block();

		assertThat(outcome.stored()).isEqualTo(97);
		assertThat(store.stored).hasSize(97).noneMatch(c -> c.authorName().equals("evil"));
		assertThat(outcome.refused()).extracting(r -> r.commit().sha())
			.containsExactlyInAnyOrder(batch.get(3).sha(), batch.get(50).sha(), batch.get(99).sha());
		assertThat(outcome.refused()).allSatisfy(r -> assertThat(r.reason()).contains("SQLSTATE 54000"));
	}

	@Test
	void isolatesOneOffenderInAboutTwiceLogTwoStatements() {
		commits.store(batch(512, 17)).block();

		assertThat(store.statements).isLessThanOrEqualTo(2 * 9 + 1);
	}

	@Test
	void failsTheWholeCallOnAnyFailureThatIsNotAboutTheData() {
		store.down = true;

		assertThatThrownBy(() -> commits.store(batch(10, 2)).block()).hasMessageContaining("connection refused");
		assertThat(store.stored).isEmpty();
	}

	private static List<CommitRecord> batch(int size, int... offenders) {
		List<CommitRecord> batch = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			int index = i;
			String name = IntStream.of(offenders).anyMatch(o -> o == index) ? "evil" : "dev" + i;
			batch.add(new CommitRecord("github", "acme/widgets", String.format("%040x", i),
					AuthorIdentity.of(null, name + "@example.org"), name, name + "@example.org", null, Instant.EPOCH,
					Instant.EPOCH, "headline", UUID.randomUUID(), UUID.randomUUID()));
		}
		return batch;
	}

	private static final class RefusingStore implements Commits {

		final List<CommitRecord> stored = new ArrayList<>();

		int statements;

		boolean down;

		@Override
		public Mono<Long> store(List<CommitRecord> batch) {
			statements++;
			if (down) {
				return Mono.error(new IllegalStateException("connection refused"));
			}
			if (batch.stream().anyMatch(c -> c.authorName().equals("evil"))) {
				return Mono.error(new Unstorable("SQLSTATE 54000: index row size exceeds maximum", null));
			}
			stored.addAll(batch);
			return Mono.just((long) batch.size());
		}

	}

}
