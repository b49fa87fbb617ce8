package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class FetchCommitsTest {

	private static final RepositoryPath HELLO_WORLD = RepositoryPath.parse("octocat/Hello-World");

	private static final Instant STARTED = Instant.parse("2026-05-01T11:59:00Z");

	private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

	private final RecordingCommitLog commitLog = new RecordingCommitLog();

	private final Fetches fetches = new Fetches(new InMemoryFetchRecords());

	private final InMemoryHistory history = new InMemoryHistory();

	@Test
	void stopsPagingAtTheRequestedLimit() {
		FakeForge forge = FakeForge.withCommits(1000);

		Fetch fetch = run(forge, 250);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isEqualTo(250);
		assertThat(fetch.error()).isNull();
		assertThat(fetch.finishedAt()).isEqualTo(NOW);
		assertThat(commitLog.batchSizes()).containsExactly(100, 100, 50);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history().subList(0, 250));
		assertThat(commitLog.appends()).extracting(RecordingCommitLog.Append::fetchId).containsOnly(fetch.id());
		assertThat(forge.pageSizeHints()).containsExactly(250);
		assertThat(forge.requestedPages()).containsExactly(1, 2, 3);
	}

	@Test
	void stopsWithoutAskingForMoreWhenTheLimitEndsAPage() {
		FakeForge forge = FakeForge.withCommits(1000);

		Fetch fetch = run(forge, 200);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isEqualTo(200);
		assertThat(forge.requestedPages()).containsExactly(1, 2);
	}

	@Test
	void readsEveryCommitOfARepositorySmallerThanTheLimit() {
		FakeForge forge = FakeForge.withCommits(230);

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isEqualTo(230);
		assertThat(commitLog.batchSizes()).containsExactly(100, 100, 30);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history());
		assertThat(forge.requestedPages()).containsExactly(1, 2, 3);
	}

	@Test
	void asksForASmallerFirstPageWhenTheLimitIsBelowAPage() {
		FakeForge forge = FakeForge.withCommits(500);

		Fetch fetch = run(forge, 7);

		assertThat(fetch.commitsDiscovered()).isEqualTo(7);
		assertThat(forge.pageSizeHints()).containsExactly(7);
		assertThat(commitLog.batchSizes()).containsExactly(7);
		assertThat(forge.requestedPages()).containsExactly(1);
	}

	@Test
	void publishesNoMoreThanTheLimitWhenTheForgeAnswersWithALargerPage() {
		FakeForge forge = FakeForge.withCommits(500).servingPagesOf(100);

		Fetch fetch = run(forge, 7);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isEqualTo(7);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history().subList(0, 7));
		assertThat(forge.requestedPages()).containsExactly(1);
	}

	@Test
	void reportsAnEmptyRepositoryAsCompletedWithNoCommits() {
		FakeForge forge = FakeForge.withCommits(0);

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isZero();
		assertThat(fetch.error()).isNull();
		assertThat(commitLog.commits()).isEmpty();
		assertThat(forge.requestedPages()).containsExactly(1);
	}

	@Test
	void failsWithTheForgesReasonKeepingCountOfWhatItAlreadyPublished() {
		var failure = new ForgeFailure.Unavailable("GitHub answered 502 Bad Gateway (gave up after 4 attempts)");
		FakeForge forge = FakeForge.withCommits(1000).failingOnPage(3, failure);

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).isEqualTo("GitHub answered 502 Bad Gateway (gave up after 4 attempts)");
		assertThat(fetch.commitsDiscovered()).isEqualTo(200);
		assertThat(fetch.finishedAt()).isEqualTo(NOW);
		assertThat(commitLog.batchSizes()).containsExactly(100, 100);
		assertThat(forge.requestedPages()).containsExactly(1, 2, 3);
	}

	@Test
	void failsWhenTheRepositoryIsNotFoundPublishingNothing() {
		FakeForge forge = FakeForge.withCommits(10)
			.failingOnPage(1, new ForgeFailure.RepositoryNotFound("GitHub", HELLO_WORLD));

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).startsWith("repository not found").contains("octocat/Hello-World");
		assertThat(fetch.commitsDiscovered()).isZero();
		assertThat(commitLog.commits()).isEmpty();
	}

	@Test
	void failsSayingTheDatabaseWasAwayWithoutItsStatementsWhenProgressCannotBeRecorded() {
		history.failingToRemember(new DataAccessResourceFailureException(
				"execute; SQL [with remembered as (insert into fetcher.published_commits (provider, repository, sha) "
						+ "select ...)]; connection refused"));

		Fetch fetch = run(FakeForge.withCommits(300), 300);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).startsWith("the fetcher's database could not record the fetch's progress")
			.contains("fetch again")
			.doesNotContain("insert", "SQL");
	}

	@Test
	void failsWhenTheCommitLogCannotAppendAndReadsNoFurtherThanThePageInFlight() {
		FakeForge forge = FakeForge.withCommits(1000);
		commitLog.failingOnAppend(2, new IllegalStateException("broker unreachable"));

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).startsWith("publishing commits failed")
			.contains("IllegalStateException")
			.contains("broker unreachable");
		assertThat(fetch.commitsDiscovered()).isEqualTo(100);
		// page 3 was requested while page 2 was being appended; nothing after it
		assertThat(forge.requestedPages()).containsExactly(1, 2, 3);
		assertThat(forge.released()).as("what the forge holds for the walk goes with it").isNotEmpty();
	}

	@Test
	void releasesTheNextPageOfAWalkThatEndsAtItsLimitAndNothingAtTheEndOfTheHistory() {
		FakeForge longer = FakeForge.withCommits(1000);
		FakeForge whole = FakeForge.withCommits(250);

		assertThat(run(longer, 250).status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(run(whole, 1000).status()).isEqualTo(FetchStatus.COMPLETED);

		assertThat(longer.released()).containsExactly("4:100");
		assertThat(whole.released()).isEmpty();
	}

	@Test
	void failsNamingWhatLiesUnderAPublishFailureOnOneLine() {
		FakeForge forge = FakeForge.withCommits(300);
		commitLog.failingOnAppend(1, new IllegalStateException("Failed to send",
				new java.util.concurrent.TimeoutException("Expiring 100 record(s)\nfor commits-2: 120001 ms")));

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).isEqualTo("publishing commits failed: IllegalStateException: Failed to send "
				+ "(TimeoutException: Expiring 100 record(s) for commits-2: 120001 ms); fetch again");
	}

	@Test
	void requestsAFetchThatItsCommandRunsInTheBackground() {
		Sinks.Empty<Void> firstPageArrives = Sinks.empty();
		FakeForge forge = FakeForge.withCommits(150).holdingTheFirstPageUntil(firstPageArrives.asMono());
		FetchCommits fetchCommits = fetchCommits(forge);

		Fetch started = fetchCommits.start("fake", HELLO_WORLD, 1000, FetchMode.INCREMENTAL).block();

		assertThat(started.status()).isEqualTo(FetchStatus.QUEUED);
		assertThat(started.commitsDiscovered()).isZero();
		assertThat(started.startedAt()).isEqualTo(NOW);
		assertThat(fetches.find(started.id()))
			.hasValueSatisfying(fetch -> assertThat(fetch.status()).isEqualTo(FetchStatus.RUNNING));
		assertThat(commitLog.commits()).isEmpty();

		firstPageArrives.tryEmitEmpty();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(fetches.find(started.id())).hasValueSatisfying(fetch -> {
				assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
				assertThat(fetch.commitsDiscovered()).isEqualTo(150);
			}));
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history());
	}

	@Test
	void completesWithEveryReadableCommitWhenTheForgeSendsSomeThatCannotBeRead() {
		FakeForge forge = FakeForge.withCommits(250).withUnreadableOnEachPage(2);

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isEqualTo(250);
		assertThat(fetch.commitsSetAside()).as("two on each of three pages").isEqualTo(6);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history());
	}

	@Test
	void walksOnPastAPageWithoutACommitWhenTheForgeNamesANextOne() {
		FakeForge forge = FakeForge.withCommits(250).servingAnEmptyPageAt(2, false);

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history());
		assertThat(forge.requestedPages()).containsExactly(1, 2, 3, 4);
	}

	@Test
	void failsAFetchWhoseForgeSendsPagesWithoutACommitWithoutEndKeepingWhatItPublished() {
		FakeForge forge = FakeForge.withCommits(250).servingAnEmptyPageAt(2, true);

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).contains("4 pages in a row without a commit").contains("after 100 commits");
		assertThat(fetch.commitsDiscovered()).isEqualTo(100);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history().subList(0, 100));
		assertThat(forge.requestedPages()).hasSize(2 + WalkPages.MAX_EMPTY_PAGES_IN_A_ROW);
	}

	@Test
	void failsAFetchWhoseForgeServesTheSamePageForEverPublishingItOnce() {
		FakeForge forge = FakeForge.withLinkedCommits(250).cyclingFrom(2, 1);

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).contains("4 pages in a row without a commit new to the walk")
			.contains("after 100 commits");
		assertThat(fetch.commitsDiscovered()).isEqualTo(100);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history().subList(0, 100));
		assertThat(forge.requestedPages()).hasSize(1 + WalkPages.MAX_EMPTY_PAGES_IN_A_ROW + 1);
	}

	@Test
	void failsAFetchWhoseForgePagesRunInCirclesInsteadOfWalkingThemUpToTheLimit() {
		FakeForge forge = FakeForge.withLinkedCommits(250).cyclingFrom(3, 1);

		Fetch fetch = run(forge, 100_000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(fetch.error()).contains("pages in a row without a commit new to the walk");
		assertThat(forge.requestedPages()).hasSize(2 + WalkPages.MAX_EMPTY_PAGES_IN_A_ROW + 1);
		assertThat(commitLog.commits()).as("each published once")
			.containsExactlyElementsOf(forge.history().subList(0, 200));
		assertThat(fetch.commitsDiscovered()).isEqualTo(200);
	}

	@Test
	void doesNotTakeAHistoryWithAGapInItsListingForTheWholeHistory() {
		FakeForge forge = FakeForge.withLinkedCommits(250).leavingOutPage(2);

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(commitLog.commits()).hasSize(150);
		assertThat(history.recall(fetch.target()).block()).hasValueSatisfying(memory -> assertThat(memory.complete())
			.as("the commits the forge left out are missing, so the next fetch walks again")
			.isFalse());
	}

	@Test
	void completesAWalkThatReachedTheFirstCommitWhenTheForgeNamesEmptyPagesAfterIt() {
		FakeForge forge = FakeForge.withLinkedCommits(250).namingNextPagesPastTheEnd();

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history());
		assertThat(history.recall(fetch.target()).block())
			.hasValueSatisfying(memory -> assertThat(memory.complete()).isTrue());
	}

	@Test
	void takesALinkedHistoryWalkedToItsFirstCommitForTheWholeHistory() {
		FakeForge forge = FakeForge.withLinkedCommits(250);

		Fetch fetch = run(forge, 1000);

		assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history());
		assertThat(history.recall(fetch.target()).block())
			.hasValueSatisfying(memory -> assertThat(memory.complete()).isTrue());
	}

	@Test
	void refusesAProviderNoForgeIsConfiguredUnder() {
		FakeForge forge = FakeForge.withCommits(10);

		assertThatThrownBy(() -> fetchCommits(forge).start("gitlab", HELLO_WORLD, 10, FetchMode.INCREMENTAL))
			.isInstanceOf(Forges.UnknownProvider.class)
			.hasMessageContaining("gitlab")
			.hasMessageContaining("fake");
		assertThat(forge.requestedPages()).isEmpty();
	}

	private FetchCommits fetchCommits(Forge forge) {
		InProcessCommands commands = new InProcessCommands();
		FetchCommits useCase = new FetchCommits(new Forges(List.of(forge)), commitLog, fetches, history,
				Clock.fixed(NOW, ZoneOffset.UTC), new FetchSettings(4), commands);
		commands.runBy(useCase);
		return useCase;
	}

	/**
	 * Runs a fetch to its end, which must be a value, never an error, and the one the
	 * registry holds.
	 */
	private Fetch run(FakeForge forge, int limit) {
		Fetch fetch = Fetch.start(forge.provider(), HELLO_WORLD, limit, STARTED);
		fetches.add(fetch);
		AtomicReference<Fetch> finished = new AtomicReference<>();

		StepVerifier.create(fetchCommits(forge).run(forge, fetch))
			.consumeNextWith(finished::set)
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		assertThat(fetches.find(fetch.id())).contains(finished.get());
		return finished.get();
	}

}
