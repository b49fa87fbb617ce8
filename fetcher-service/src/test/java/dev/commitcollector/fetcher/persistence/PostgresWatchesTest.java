package dev.commitcollector.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.commitcollector.fetcher.application.Watches;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import dev.commitcollector.fetcher.domain.Watch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Watches in the fetcher's schema on a real PostgreSQL, migrated as the service migrates
 * it. Each test has a provider of its own, and its watches are due only in the year 3000,
 * so that no running scheduler takes their turns.
 */
class PostgresWatchesTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Instant T0 = Instant.parse("3000-01-01T08:00:00.123456Z");

	private static final Duration INTERVAL = Duration.ofMinutes(15);

	private final String provider = FetcherSchema.ownProvider();

	@BeforeAll
	static void migrate() {
		FetcherSchema.migrate();
	}

	@Test
	void keepsAWatchAcrossARestartUntilItIsRemoved() {
		Watch watch = Watch.of(target("acme/widgets"), 200, INTERVAL, T0);
		assertThat(adapter().add(watch).block(WAIT)).isEqualTo(watch);

		assertThat(adapter().find(watch.id()).block(WAIT)).contains(watch);
		assertThat(adapter().remove(watch.id()).block(WAIT)).isTrue();
		assertThat(adapter().find(watch.id()).block(WAIT)).isEmpty();
		assertThat(adapter().remove(watch.id()).block(WAIT)).isFalse();
	}

	@Test
	void refusesASecondWatchOfTheSameRepositoryNamingTheFirst() {
		Watch first = Watch.of(target("acme/widgets"), 200, INTERVAL, T0);
		adapter().add(first).block(WAIT);

		assertThatThrownBy(
				() -> adapter().add(Watch.of(target("acme/widgets"), 10, INTERVAL.multipliedBy(2), T0)).block(WAIT))
			.isInstanceOfSatisfying(Watches.WatchExists.class,
					exists -> assertThat(exists.existing()).isEqualTo(first.id()));
		assertThat(adapter().find(first.id()).block(WAIT)).contains(first);
	}

	@Test
	void listsWatchesByProviderAndRepository() {
		Watch b = Watch.of(target("acme/b"), 10, INTERVAL, T0);
		Watch a = Watch.of(target("acme/a"), 10, INTERVAL, T0);
		adapter().add(b).block(WAIT);
		adapter().add(a).block(WAIT);

		List<Watch> mine = adapter().list(100_000, Optional.empty())
			.block(WAIT)
			.stream()
			.filter(w -> w.provider().equals(provider))
			.toList();

		assertThat(mine).containsExactly(a, b);
	}

	@Test
	void refusesAWatchPastTheMostItKeepsButNamesAnExistingOneFirst() {
		int present = adapter().list(100_000, Optional.empty()).block(WAIT).size();
		Watch kept = adapter().add(Watch.of(target("acme/kept"), 10, INTERVAL, T0), present + 1).block(WAIT);

		assertThatThrownBy(
				() -> adapter().add(Watch.of(target("acme/one-more"), 10, INTERVAL, T0), present + 1).block(WAIT))
			.isInstanceOf(Watches.TooManyWatches.class)
			.hasMessage((present + 1) + (present == 0 ? " watch exists" : " watches exist")
					+ " and this fetcher keeps at most " + (present + 1)
					+ " (WATCH_MAX); delete 1 watch you no longer need first, or raise WATCH_MAX");
		assertThatThrownBy(() -> adapter().add(Watch.of(target("acme/one-more"), 10, INTERVAL, T0), 1).block(WAIT))
			.as("WATCH_MAX lowered below the watches kept")
			.isInstanceOf(Watches.TooManyWatches.class)
			.hasMessageStartingWith((present + 1) + " watch")
			.hasMessageContaining("at most 1 (WATCH_MAX); delete " + (present + 1) + " watch");
		assertThatThrownBy(
				() -> adapter().add(Watch.of(target("acme/kept"), 10, INTERVAL, T0), present + 1).block(WAIT))
			.isInstanceOfSatisfying(Watches.WatchExists.class,
					exists -> assertThat(exists.existing()).isEqualTo(kept.id()));
		assertThat(adapter().list(100_000, Optional.empty()).block(WAIT)).hasSize(present + 1);
	}

	@Test
	void listsTheWatchesAfterTheOneGivenInTheSameOrder() {
		Watch a = Watch.of(target("acme/a"), 10, INTERVAL, T0);
		Watch b = Watch.of(target("acme/b"), 10, INTERVAL, T0);
		Watch c = Watch.of(target("acme/c"), 10, INTERVAL, T0);
		for (Watch watch : List.of(c, a, b)) {
			adapter().add(watch).block(WAIT);
		}

		assertThat(mine(adapter().list(100_000, Optional.of(a.target())).block(WAIT))).containsExactly(b, c);
		assertThat(mine(adapter().list(1, Optional.of(a.target())).block(WAIT))).containsExactly(b);
		assertThat(mine(adapter().list(100_000, Optional.of(c.target())).block(WAIT))).isEmpty();
	}

	@Test
	void findsTheWatchesDueAndRemembersTheFetchOneStarted() {
		Watch due = Watch.of(target("acme/due"), 10, INTERVAL, T0);
		Watch later = Watch.of(target("acme/later"), 10, INTERVAL, T0.plusSeconds(60));
		adapter().add(due).block(WAIT);
		adapter().add(later).block(WAIT);

		List<Watch> found = mine(adapter().due(T0.plusSeconds(1), 100_000).block(WAIT));
		assertThat(found).containsExactly(due);

		Instant lease = T0.plusSeconds(121);
		assertThat(adapter().claim(due, T0.plusSeconds(1), lease).block(WAIT)).isPresent();
		UUID fetch = UUID.randomUUID();
		adapter().started(due.id(), lease, fetch, T0.plus(INTERVAL), 3).block(WAIT);
		assertThat(adapter().find(due.id()).block(WAIT)).map(Watch::lastFetch).contains(fetch);
		assertThat(adapter().find(due.id()).block(WAIT)).map(Watch::failedTurns).contains(3);
		assertThat(adapter().find(due.id()).block(WAIT)).map(Watch::nextRunAt).contains(T0.plus(INTERVAL));
	}

	@Test
	void movesAClaimedWatchOnOnlyWhileItsTurnsLeaseIsTheCallers() {
		Watch due = Watch.of(target("acme/leased"), 10, INTERVAL, T0);
		adapter().add(due).block(WAIT);
		Instant lease = T0.plusSeconds(120);
		Watch claimed = adapter().claim(due, T0, lease).block(WAIT).orElseThrow();
		Instant retaken = lease.plusSeconds(120);
		assertThat(adapter().claim(claimed, lease, retaken).block(WAIT)).as("the lease ran out: taken again")
			.isPresent();

		adapter().skipped(due.id(), lease, T0.plus(INTERVAL)).block(WAIT);
		adapter().started(due.id(), lease, UUID.randomUUID(), T0.plus(INTERVAL), 1).block(WAIT);

		Watch after = adapter().find(due.id()).block(WAIT).orElseThrow();
		assertThat(after.nextRunAt()).as("the turn is the second claimer's").isEqualTo(retaken);
		assertThat(after.lastFetch()).isNull();
		assertThat(after.failedTurns()).isZero();
		adapter().skipped(due.id(), retaken, T0.plus(INTERVAL)).block(WAIT);
		assertThat(adapter().find(due.id()).block(WAIT)).map(Watch::nextRunAt).contains(T0.plus(INTERVAL));
	}

	@Test
	void givesATurnOnlyWhenTheWatchIsDueAndUnclaimedSinceItWasRead() {
		Watch watch = Watch.of(target("acme/widgets"), 10, INTERVAL, T0);
		adapter().add(watch).block(WAIT);
		Instant next = watch.nextRunAfter(T0, 0.5);

		assertThat(adapter().claim(watch, T0.minusSeconds(1), next).block(WAIT)).as("not due yet").isEmpty();
		Optional<Watch> claimed = adapter().claim(watch, T0, next).block(WAIT);
		assertThat(claimed).map(Watch::nextRunAt).contains(next);
		assertThat(adapter().claim(watch, T0.plusSeconds(1), next.plusSeconds(1)).block(WAIT))
			.as("read before the turn was taken")
			.isEmpty();
		assertThat(adapter().claim(watch, next.plusSeconds(1), next.plus(INTERVAL)).block(WAIT))
			.as("read before the turn was taken, though due again")
			.isEmpty();
		assertThat(adapter().find(watch.id()).block(WAIT)).map(Watch::nextRunAt).contains(next);
	}

	@Test
	void givesEachTurnToExactlyOneOfTwoInstancesClaimingAtOnce() throws Exception {
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				Watch watch = Watch.of(target("acme/race-" + round), 10, INTERVAL, T0);
				adapter().add(watch).block(WAIT);
				PostgresWatches one = adapter();
				PostgresWatches other = adapter();
				CountDownLatch ready = new CountDownLatch(2);
				Future<Optional<Watch>> first = instances.submit(() -> claimOnce(one, ready));
				Future<Optional<Watch>> second = instances.submit(() -> claimOnce(other, ready));

				List<Optional<Watch>> outcomes = List.of(first.get(), second.get());

				assertThat(outcomes).filteredOn(Optional::isPresent).as("round " + round).hasSize(1);
			}
		}
		finally {
			instances.shutdownNow();
		}
	}

	/** What an instance does each tick: read the due watch, then claim it. */
	private Optional<Watch> claimOnce(PostgresWatches instance, CountDownLatch ready) throws InterruptedException {
		List<Watch> due = mine(instance.due(T0, 100_000).block(WAIT));
		assertThat(due).hasSize(1);
		ready.countDown();
		ready.await();
		Instant now = T0.plusMillis(1);
		return instance.claim(due.get(0), now, due.get(0).nextRunAfter(now, Math.random())).block(WAIT);
	}

	private List<Watch> mine(List<Watch> watches) {
		return watches.stream().filter(w -> w.provider().equals(provider)).toList();
	}

	private RepositoryRef target(String path) {
		return new RepositoryRef(provider, RepositoryPath.parse(path));
	}

	/**
	 * A new adapter on new connections, as another instance or a restarted fetcher has.
	 */
	private static PostgresWatches adapter() {
		return new PostgresWatches(FetcherSchema.newClient());
	}

}
