package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * How fetches share the fetcher: one per repository at a time, a bounded number at once,
 * waits shown.
 */
class FetchSchedulingTest {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final InMemoryFetchRecords records = new InMemoryFetchRecords();

	private final Fetches fetches = new Fetches(records);

	private final Sinks.Empty<Void> release = Sinks.empty();

	@Test
	void aSecondFetchOfARunningRepositoryReturnsTheRunningOne() {
		FetchCommits useCase = useCase(heldForge(), 4);

		Fetch first = useCase.start("held", RepositoryPath.parse("acme/a"), 10, FetchMode.INCREMENTAL).block();
		Fetch second = useCase.start("held", RepositoryPath.parse("acme/a"), 5, FetchMode.INCREMENTAL).block();
		Fetch other = useCase.start("held", RepositoryPath.parse("acme/b"), 10, FetchMode.INCREMENTAL).block();

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(other.id()).isNotEqualTo(first.id());
		release.tryEmitEmpty();
		await().atMost(Duration.ofSeconds(5)).until(() -> status(first) == FetchStatus.COMPLETED);
		Fetch third = useCase.start("held", RepositoryPath.parse("acme/a"), 10, FetchMode.INCREMENTAL).block();
		assertThat(third.id()).isNotEqualTo(first.id());
	}

	@Test
	void runsAtMostTheConfiguredNumberOfFetchesAtOnce() {
		List<String> asked = new CopyOnWriteArrayList<>();
		FetchCommits useCase = useCase(new Held(asked), 2);

		useCase.start("held", RepositoryPath.parse("acme/a"), 10, FetchMode.INCREMENTAL).block();
		useCase.start("held", RepositoryPath.parse("acme/b"), 10, FetchMode.INCREMENTAL).block();
		Fetch third = useCase.start("held", RepositoryPath.parse("acme/c"), 10, FetchMode.INCREMENTAL).block();

		assertThat(asked).containsExactly("acme/a", "acme/b");
		assertThat(status(third)).isEqualTo(FetchStatus.QUEUED);
		release.tryEmitEmpty();
		await().atMost(Duration.ofSeconds(5)).until(() -> status(third) == FetchStatus.COMPLETED);
		assertThat(asked).containsExactly("acme/a", "acme/b", "acme/c");
	}

	@Test
	void aSecondFetchOfAWaitingRepositoryReturnsTheWaitingOne() {
		FetchCommits useCase = useCase(heldForge(), 1);

		useCase.start("held", RepositoryPath.parse("acme/a"), 10, FetchMode.INCREMENTAL).block();
		Fetch waiting = useCase.start("held", RepositoryPath.parse("acme/b"), 10, FetchMode.INCREMENTAL).block();
		Fetch again = useCase.start("held", RepositoryPath.parse("acme/b"), 10, FetchMode.INCREMENTAL).block();

		assertThat(waiting.status()).isEqualTo(FetchStatus.QUEUED);
		assertThat(again.id()).isEqualTo(waiting.id());
	}

	@Test
	void recordsAWaitingFetchAsQueuedThenRunningThenCompleted() {
		FetchCommits useCase = useCase(heldForge(), 1);
		useCase.start("held", RepositoryPath.parse("acme/a"), 10, FetchMode.INCREMENTAL).block();

		Fetch waiting = useCase.start("held", RepositoryPath.parse("acme/b"), 10, FetchMode.INCREMENTAL).block();

		assertThat(waiting.status()).isEqualTo(FetchStatus.QUEUED);
		// its command was taken up at once: waiting for a slot as its first attempt
		assertThat(records.find(waiting.id()).block()).contains(waiting.nextAttempt());
		release.tryEmitEmpty();
		await().atMost(Duration.ofSeconds(5)).until(() -> status(waiting) == FetchStatus.COMPLETED);
		assertThat(records.writes().stream().filter(f -> f.id().equals(waiting.id())).map(Fetch::status).distinct())
			.containsExactly(FetchStatus.QUEUED, FetchStatus.RUNNING, FetchStatus.COMPLETED);
		assertThat(records.find(waiting.id()).block()).contains(fetches.find(waiting.id()).orElseThrow());
	}

	@Test
	void startsNoFetchThatCannotBeRecorded() {
		List<String> asked = new CopyOnWriteArrayList<>();
		FetchCommits useCase = useCase(new Held(asked), 1);
		records.failingWith(new IllegalStateException("database unreachable"));

		assertThatThrownBy(
				() -> useCase.start("held", RepositoryPath.parse("acme/a"), 10, FetchMode.INCREMENTAL).block())
			.isInstanceOf(Fetches.NotRecorded.class)
			.hasRootCauseMessage("database unreachable");
		records.failingWith(null);
		Fetch next = useCase.start("held", RepositoryPath.parse("acme/a"), 10, FetchMode.INCREMENTAL).block();
		assertThat(status(next)).isEqualTo(FetchStatus.RUNNING);
		assertThat(asked).containsExactly("acme/a");
	}

	@Test
	void showsWhenAFetchWaitsForARateLimitAndClearsItAfter() {
		Instant until = NOW.plusSeconds(600);
		Forge waiting = new Held(new ArrayList<>()) {
			@Override
			public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag,
					RateLimitWaits waits) {
				return Mono.defer(() -> {
					waits.waitingUntil(until);
					return release.asMono()
						.then(Mono.fromRunnable(() -> waits.waitingUntil(null)))
						.then(Mono.just(CommitPage.empty()));
				});
			}
		};
		FetchCommits useCase = useCase(waiting, 1);

		Fetch fetch = useCase.start("held", RepositoryPath.parse("acme/a"), 10, FetchMode.INCREMENTAL).block();

		assertThat(fetches.find(fetch.id()).orElseThrow().waitingUntil()).isEqualTo(until);
		release.tryEmitEmpty();
		await().atMost(Duration.ofSeconds(5)).until(() -> status(fetch) == FetchStatus.COMPLETED);
		assertThat(fetches.find(fetch.id()).orElseThrow().waitingUntil()).isNull();
	}

	private FetchStatus status(Fetch fetch) {
		return fetches.find(fetch.id()).orElseThrow().status();
	}

	private Forge heldForge() {
		return new Held(new CopyOnWriteArrayList<>());
	}

	private FetchCommits useCase(Forge forge, int concurrent) {
		InProcessCommands commands = new InProcessCommands();
		FetchCommits useCase = new FetchCommits(new Forges(List.of(forge)), (fetch, commits) -> Mono.empty(), fetches,
				new InMemoryHistory(), Clock.fixed(NOW, ZoneOffset.UTC), new FetchSettings(concurrent), commands);
		commands.runBy(useCase);
		return useCase;
	}

	/** A forge whose first page (empty) arrives only when the test releases it. */
	private class Held implements Forge {

		private final List<String> asked;

		Held(List<String> asked) {
			this.asked = asked;
		}

		@Override
		public String provider() {
			return "held";
		}

		@Override
		public ForgeType type() {
			return ForgeType.GITHUB;
		}

		@Override
		public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
			asked.add(repository.toString());
			return release.asMono().then(Mono.just(CommitPage.empty()));
		}

		@Override
		public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
			return Mono.error(new IllegalStateException("no next page"));
		}

	}

}
