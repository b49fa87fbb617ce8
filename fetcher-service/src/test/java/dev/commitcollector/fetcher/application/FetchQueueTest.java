package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class FetchQueueTest {

	private final Fetches fetches = new Fetches(new InMemoryFetchRecords());

	/** One fetch runs at once and two may wait; the forge never answers. */
	private final InProcessCommands commands = new InProcessCommands();

	private final FetchCommits fetchCommits = new FetchCommits(new Forges(List.of(new Silent())),
			(fetch, commits) -> Mono.empty(), fetches, new InMemoryHistory(), Clock.systemUTC(),
			new FetchSettings(1, 2), commands);

	{
		commands.runBy(fetchCommits);
	}

	@Test
	void refusesANewFetchOnceAsManyWaitAsAllowed() {
		start("acme/running");
		start("acme/first-waiting");
		start("acme/second-waiting");

		assertThatThrownBy(() -> start("acme/one-too-many")).isInstanceOf(FetchCommits.QueueFull.class)
			.hasMessageContaining("FETCH_MAX_QUEUED");
	}

	@Test
	void answersARepositoryThatIsAlreadyWaitingWithItsFetchEvenWhenTheQueueIsFull() {
		start("acme/running");
		Fetch waiting = start("acme/first-waiting");
		start("acme/second-waiting");

		assertThat(start("acme/first-waiting").id()).isEqualTo(waiting.id());
	}

	@Test
	void recordsAndCountsAFetchWhoseCommandCannotBeSentAsFailed() {
		List<Fetch> ended = new ArrayList<>();
		FetchMeters meters = new FetchMeters() {
			@Override
			public void ended(Fetch fetch) {
				ended.add(fetch);
			}
		};
		FetchCommits unqueued = new FetchCommits(new Forges(List.of(new Silent())), (fetch, commits) -> Mono.empty(),
				fetches, new InMemoryHistory(), Clock.systemUTC(), new FetchSettings(1, 2), Unsent.COMMANDS, meters,
				FetchTraces.NONE);

		assertThatThrownBy(
				() -> unqueued.start("silent", RepositoryPath.parse("acme/unsent"), 10, FetchMode.INCREMENTAL).block())
			.isInstanceOf(FetchCommits.NotQueued.class);

		assertThat(ended).singleElement().satisfies(fetch -> {
			assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
			assertThat(fetches.lookup(fetch.id()).block())
				.hasValueSatisfying(recorded -> assertThat(recorded.status()).isEqualTo(FetchStatus.FAILED));
		});
	}

	@Test
	void failsAFetchWhoseCommandKafkaDoesNotTakeWithinItsDeadline() {
		FetchCommits unheard = new FetchCommits(new Forges(List.of(new Silent())), (fetch, commits) -> Mono.empty(),
				fetches, new InMemoryHistory(), Clock.systemUTC(),
				new FetchSettings(1, 2, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMillis(200)),
				fetch -> Mono.never(), FetchMeters.NONE, FetchTraces.NONE);

		assertThatThrownBy(
				() -> unheard.start("silent", RepositoryPath.parse("acme/unheard"), 10, FetchMode.INCREMENTAL)
					.block(Duration.ofSeconds(20)))
			.isInstanceOf(FetchCommits.NotQueued.class);

		assertThat(fetches.active(new RepositoryRef("silent", RepositoryPath.parse("acme/unheard"))).block()).isEmpty();
	}

	@Test
	void answersWithTheRunningFetchWhenItsCommandArrivedLateAndWasTakenUp() {
		FetchCommits late = new FetchCommits(new Forges(List.of(new Silent())), (fetch, commits) -> Mono.empty(),
				fetches, new InMemoryHistory(), Clock.systemUTC(),
				new FetchSettings(1, 2, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMillis(200)),
				fetch -> fetches.takeUp(fetch.id(), java.util.UUID.randomUUID()).then(Mono.never()), FetchMeters.NONE,
				FetchTraces.NONE);

		Fetch answered = late.start("silent", RepositoryPath.parse("acme/late"), 10, FetchMode.INCREMENTAL)
			.block(Duration.ofSeconds(20));

		assertThat(answered.status()).isNotEqualTo(FetchStatus.FAILED);
		assertThat(answered.attempt()).isEqualTo(1);
		assertThat(fetches.lookup(answered.id()).block())
			.hasValueSatisfying(recorded -> assertThat(recorded.status()).isNotEqualTo(FetchStatus.FAILED));
	}

	@Test
	void joinsAFetchUnderWayThatAsksForAsMuchAsTheRequest() {
		Fetch running = fetchCommits.start("silent", RepositoryPath.parse("acme/joined"), 50, FetchMode.FULL).block();

		assertThat(fetchCommits.start("silent", RepositoryPath.parse("acme/joined"), 50, FetchMode.INCREMENTAL)
			.block()
			.id()).isEqualTo(running.id());
		assertThat(fetchCommits.start("silent", RepositoryPath.parse("acme/joined"), 10, FetchMode.FULL).block().id())
			.isEqualTo(running.id());
	}

	@Test
	void refusesARequestForMoreThanAFetchAnInstanceHasTakenUpAndNamesThatFetch() {
		Fetch running = start("acme/under-way");

		assertThatThrownBy(
				() -> fetchCommits.start("silent", RepositoryPath.parse("acme/under-way"), 11, FetchMode.INCREMENTAL)
					.block())
			.isInstanceOfSatisfying(FetchCommits.UnderWay.class, underWay -> {
				assertThat(underWay.existing().id()).isEqualTo(running.id());
				assertThat(underWay).hasMessageContaining(running.id().toString())
					.hasMessageContaining("limit 10, incremental")
					.hasMessageContaining("limit 11")
					.hasMessageContaining("once that one has ended");
			});
		assertThatThrownBy(
				() -> fetchCommits.start("silent", RepositoryPath.parse("acme/under-way"), 10, FetchMode.FULL).block())
			.isInstanceOf(FetchCommits.UnderWay.class)
			.hasMessageContaining("(limit 10, full)");
	}

	@Test
	void widensAFetchNoInstanceHasTakenUpYetAndRunsItAsWidened() {
		List<Fetch> sent = new ArrayList<>();
		FetchCommits undelivered = new FetchCommits(new Forges(List.of(new Silent())), (fetch, commits) -> Mono.empty(),
				fetches, new InMemoryHistory(), Clock.systemUTC(), new FetchSettings(1, 2), fetch -> {
					sent.add(fetch);
					return Mono.empty();
				});
		Fetch first = undelivered.start("silent", RepositoryPath.parse("acme/widened"), 10, FetchMode.INCREMENTAL)
			.block();

		Fetch widened = undelivered.start("silent", RepositoryPath.parse("acme/widened"), 300, FetchMode.FULL).block();

		assertThat(widened.id()).isEqualTo(first.id());
		assertThat(widened.limit()).isEqualTo(300);
		assertThat(widened.mode()).isEqualTo(FetchMode.FULL);
		assertThat(sent).singleElement().satisfies(command -> assertThat(command.limit()).isEqualTo(10));
		undelivered.execute(sent.get(0)).subscribe();
		assertThat(fetches.find(first.id())).hasValueSatisfying(run -> {
			assertThat(run.limit()).isEqualTo(300);
			assertThat(run.mode()).isEqualTo(FetchMode.FULL);
		});
	}

	private Fetch start(String path) {
		return fetchCommits.start("silent", RepositoryPath.parse(path), 10, FetchMode.INCREMENTAL).block();
	}

	/** A forge that never answers: fetches stay running, or waiting for their turn. */
	private static final class Silent implements Forge {

		@Override
		public String provider() {
			return "silent";
		}

		@Override
		public ForgeType type() {
			return ForgeType.GITHUB;
		}

		@Override
		public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
			return Mono.never();
		}

		@Override
		public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
			return Mono.never();
		}

	}

}
