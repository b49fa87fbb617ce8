package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import dev.commitcollector.fetcher.domain.Watch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Mono;

/**
 * The scheduler on a clock that moves only when the test moves it. Two forges: on
 * {@code slow} a fetch runs until the test ends, on {@code failing} it fails at once.
 */
class WatchSchedulerTest {

	private static final Instant T0 = Instant.parse("2026-08-01T10:00:00Z");

	private static final Duration INTERVAL = Duration.ofMinutes(10);

	/** Half the jitter, which for ten minutes is a tenth: a minute. */
	private static final Duration HALF_JITTER = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock(T0);

	private final InMemoryFetchRecords records = new InMemoryFetchRecords();

	private final Fetches fetches = new Fetches(records);

	private final InMemoryWatches watches = new InMemoryWatches();

	private final InProcessCommands commands = new InProcessCommands();

	private final AtomicBoolean flakyIsDown = new AtomicBoolean(true);

	private final FetchCommits fetchCommits = new FetchCommits(
			new Forges(List.of(new TestForge("slow", Mono.never()),
					new TestForge("failing", Mono.error(new IllegalStateException("the forge is down"))),
					new TestForge("flaky",
							Mono.defer(() -> flakyIsDown.get()
									? Mono.error(new IllegalStateException("the repository is gone"))
									: Mono.just(CommitPage.empty()))))),
			(fetch, commits) -> Mono.empty(), fetches, new InMemoryHistory(), clock, new FetchSettings(4, 1000),
			commands);

	{
		commands.runBy(fetchCommits);
	}

	private WatchScheduler scheduler = scheduler(Duration.ofHours(1));

	@AfterEach
	void stop() {
		scheduler.stop();
	}

	@Test
	void startsAnIncrementalFetchOfADueWatchAndRemembersIt() {
		Watch watch = watched("slow", "acme/widgets");

		tick();

		Watch after = watches.get(watch.id());
		assertThat(after.lastFetch()).isNotNull();
		Fetch fetch = fetches.find(after.lastFetch()).orElseThrow();
		assertThat(fetch.target()).isEqualTo(watch.target());
		assertThat(fetch.mode()).isEqualTo(FetchMode.INCREMENTAL);
		assertThat(fetch.limit()).isEqualTo(50);
		assertThat(fetch.status()).isEqualTo(FetchStatus.RUNNING);
		assertThat(after.nextRunAt()).isEqualTo(T0.plus(INTERVAL).plus(HALF_JITTER));
	}

	@Test
	void skipsATurnWhileItsRepositorysFetchStillRuns() {
		Watch watch = watched("slow", "acme/widgets");
		tick();
		UUID first = watches.get(watch.id()).lastFetch();

		clock.advance(INTERVAL.plus(HALF_JITTER));
		tick();

		Watch after = watches.get(watch.id());
		assertThat(after.lastFetch()).isEqualTo(first);
		assertThat(fetches.active(watch.target()).block()).map(Fetch::id).contains(first);
		assertThat(commands.sent()).hasSize(1);
		assertThat(after.nextRunAt()).as("the turn is taken, and skipped")
			.isEqualTo(clock.instant().plus(INTERVAL).plus(HALF_JITTER));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void skipsATurnWhenAFetchForFewerCommitsStartedElsewhereSinceItLooked(CapturedOutput output) {
		Fetch elsewhere = Fetch.requested(target("slow", "acme/widgets"), 10, FetchMode.INCREMENTAL, T0)
			.nextAttempt()
			.running();
		AtomicBoolean looked = new AtomicBoolean();
		InMemoryFetchRecords racing = new InMemoryFetchRecords() {
			@Override
			public Mono<Optional<Fetch>> active(RepositoryRef target) {
				// the first look finds none: the other fetch is requested right after it
				return looked.getAndSet(true) ? super.active(target) : Mono.just(Optional.empty());
			}
		};
		racing.save(elsewhere).block();
		Fetches racingFetches = new Fetches(racing);
		FetchCommits racingCommits = new FetchCommits(new Forges(List.of(new TestForge("slow", Mono.never()))),
				(fetch, commits) -> Mono.empty(), racingFetches, new InMemoryHistory(), clock,
				new FetchSettings(4, 1000), commands);
		Watch watch = watched("slow", "acme/widgets");
		scheduler = new WatchScheduler(watches, racingFetches, racingCommits, FetchTraces.NONE, clock,
				Duration.ofHours(1), () -> 0.5);

		tick();

		assertThat(commands.sent()).as("no fetch requested").isEmpty();
		assertThat(watches.get(watch.id()).nextRunAt()).as("the turn is taken, and skipped")
			.isEqualTo(T0.plus(INTERVAL).plus(HALF_JITTER));
		assertThat(output).contains("skipping this turn").doesNotContain("its turn failed");
	}

	@Test
	void skipsATurnWhileItsLastFetchRunsOnAnotherInstance() {
		Fetch elsewhere = Fetch.requested(target("slow", "acme/widgets"), 50, FetchMode.INCREMENTAL, T0).running();
		records.save(elsewhere).block();
		Watch watch = new Watch(UUID.randomUUID(), elsewhere.target(), 50, INTERVAL, T0, T0, elsewhere.id(), 0);
		watches.add(watch).block();

		tick();

		assertThat(commands.sent()).as("no fetch requested").isEmpty();
		assertThat(watches.get(watch.id()).lastFetch()).isEqualTo(elsewhere.id());
		assertThat(watches.get(watch.id()).nextRunAt()).isEqualTo(T0.plus(INTERVAL).plus(HALF_JITTER));
	}

	@Test
	void startsTheNextFetchOnceTheLastOneEnded() {
		Watch watch = watched("failing", "acme/widgets");
		tick();
		UUID first = watches.get(watch.id()).lastFetch();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(fetches.find(first).orElseThrow().status()).isEqualTo(FetchStatus.FAILED));

		clock.advance(INTERVAL.plus(HALF_JITTER));
		tick();

		UUID second = watches.get(watch.id()).lastFetch();
		assertThat(second).isNotNull().isNotEqualTo(first);
		assertThat(fetches.find(second)).isPresent();
	}

	@Test
	void waitsTwiceAsLongAfterEachTurnWhoseLastFetchFailedAndNoLongerOnceOneDidNot() {
		Watch watch = watched("flaky", "acme/widgets");
		tick();
		for (int failed = 1; failed <= 3; failed++) {
			UUID last = watches.get(watch.id()).lastFetch();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(fetches.find(last).orElseThrow().status()).isEqualTo(FetchStatus.FAILED));
			clock.advance(Duration.between(clock.instant(), watches.get(watch.id()).nextRunAt()));
			tick();

			Watch after = watches.get(watch.id());
			assertThat(after.failedTurns()).isEqualTo(failed);
			assertThat(after.nextRunAt()).as("after %d failed fetch(es)", failed)
				.isEqualTo(clock.instant().plus(INTERVAL.multipliedBy(1L << failed)).plus(HALF_JITTER));
		}

		// the repository is back: the fetch after the third failed turn completes
		flakyIsDown.set(false);
		UUID failedLast = watches.get(watch.id()).lastFetch();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(fetches.find(failedLast).orElseThrow().status()).isEqualTo(FetchStatus.FAILED));
		clock.advance(Duration.between(clock.instant(), watches.get(watch.id()).nextRunAt()));
		tick();
		UUID completed = watches.get(watch.id()).lastFetch();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(fetches.find(completed).orElseThrow().status()).isEqualTo(FetchStatus.COMPLETED));
		assertThat(watches.get(watch.id()).failedTurns()).as("the turn that started it found the last one failed")
			.isEqualTo(4);
		clock.advance(Duration.between(clock.instant(), watches.get(watch.id()).nextRunAt()));
		tick();

		Watch after = watches.get(watch.id());
		assertThat(after.failedTurns()).isZero();
		assertThat(after.nextRunAt()).isEqualTo(clock.instant().plus(INTERVAL).plus(HALF_JITTER));
	}

	@Test
	void doesNothingBeforeAWatchIsDue() {
		Watch notYet = new Watch(UUID.randomUUID(), target("slow", "acme/widgets"), 50, INTERVAL, T0, T0.plusSeconds(1),
				null, 0);
		watches.add(notYet).block();

		tick();

		assertThat(watches.get(notYet.id())).isEqualTo(notYet);
		assertThat(fetches.active(notYet.target()).block()).isEmpty();
	}

	@Test
	void aWatchWhoseFetchCannotStartDoesNotKeepOthersFromTheirTurn() {
		Watch gone = watched("gone", "acme/widgets");
		Watch slow = watched("slow", "acme/gadgets");

		tick();

		assertThat(watches.get(gone.id()).lastFetch()).isNull();
		assertThat(watches.get(gone.id()).nextRunAt()).isAfter(T0);
		assertThat(watches.get(slow.id()).lastFetch()).isNotNull();
	}

	@Test
	void aTurnWhoseFetchCouldNotBeRequestedIsTakenAgainOnceItsLeaseRunsOutNotAnIntervalLater() {
		Watch watch = watched("slow", "acme/widgets");
		commands.failingWith(new IllegalStateException("Kafka is away"));

		tick();
		commands.failingWith(null);

		assertThat(watches.get(watch.id()).lastFetch()).as("Kafka did not take the command").isNull();
		assertThat(watches.get(watch.id()).nextRunAt()).isEqualTo(T0.plus(WatchScheduler.TURN_LEASE));
		clock.advance(WatchScheduler.TURN_LEASE);
		tick();
		Watch after = watches.get(watch.id());
		assertThat(after.lastFetch()).isNotNull();
		assertThat(after.nextRunAt()).isEqualTo(clock.instant().plus(INTERVAL).plus(HALF_JITTER));
	}

	@Test
	void aTurnClaimedByAnInstanceThatStoppedIsTakenAgainOnceItsLeaseRunsOut() {
		Watch watch = watched("slow", "acme/widgets");
		Instant lease = T0.plus(WatchScheduler.TURN_LEASE);
		assertThat(watches.claim(watch, T0, lease).block()).as("claimed by an instance that then stopped").isPresent();

		tick();
		assertThat(watches.get(watch.id()).lastFetch()).as("the lease is the stopped instance's").isNull();
		clock.advance(WatchScheduler.TURN_LEASE);
		tick();

		assertThat(watches.get(watch.id()).lastFetch()).isNotNull();
		assertThat(commands.sent()).hasSize(1);
	}

	@Test
	void keepsTickingAfterTheWatchesCouldNotBeRead() {
		watches.failingNext(3);
		Watch watch = watched("slow", "acme/widgets");
		scheduler = scheduler(Duration.ofMillis(20));

		scheduler.start();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(watches.get(watch.id()).lastFetch()).isNotNull());
		assertThat(scheduler.isRunning()).isTrue();
		scheduler.stop();
		assertThat(scheduler.isRunning()).isFalse();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void saysThatTheWatchesCannotBeReadWhenItBeginsAndEndsNotOnEveryTick(CapturedOutput output) {
		watches.failingNext(30);
		Watch watch = watched("slow", "acme/widgets");
		scheduler = scheduler(Duration.ofMillis(10));

		scheduler.start();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(watches.get(watch.id()).lastFetch()).isNotNull());
		assertThat(output.getOut().lines().filter(line -> line.contains("looking for due watches failed")))
			.as("said once within the minute the clock stood still")
			.hasSize(1);
		assertThat(output.getOut()).contains("looking for due watches works again, after 30 failed tick(s)");
	}

	private void tick() {
		scheduler.tick().block(Duration.ofSeconds(10));
	}

	private WatchScheduler scheduler(Duration tick) {
		return new WatchScheduler(watches, fetches, fetchCommits, FetchTraces.NONE, clock, tick, () -> 0.5);
	}

	/** A watch of 50 commits every ten minutes, due now. */
	private Watch watched(String provider, String path) {
		Watch watch = Watch.of(target(provider, path), 50, INTERVAL, clock.instant());
		watches.add(watch).block();
		return watch;
	}

	private static RepositoryRef target(String provider, String path) {
		return new RepositoryRef(provider, RepositoryPath.parse(path));
	}

	/** A forge whose first page is always {@code firstPage}. */
	private record TestForge(String provider, Mono<CommitPage> firstPage) implements Forge {

		@Override
		public ForgeType type() {
			return ForgeType.GITHUB;
		}

		@Override
		public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
			return firstPage;
		}

		@Override
		public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
			return Mono.never();
		}

	}

}
