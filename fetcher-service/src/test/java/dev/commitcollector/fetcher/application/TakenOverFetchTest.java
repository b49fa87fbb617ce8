package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
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
import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Two instances running the same fetch: the first one paused long enough for its
 * partition to move, the second one taking the fetch up from its record meanwhile.
 */
class TakenOverFetchTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

	private final InMemoryFetchRecords records = new InMemoryFetchRecords();

	private final RecordingCommitLog commitLog = new RecordingCommitLog();

	private final InMemoryHistory history = new InMemoryHistory();

	@Test
	void anInstanceWhoseFetchWasTakenOverStopsWithoutWritingOverTheAttemptThatRunsIt() {
		Sinks.Empty<Void> firstResumes = Sinks.empty();
		Sinks.Empty<Void> secondReads = Sinks.empty();
		FakeForge firstForge = FakeForge.withCommits(150).holdingTheFirstPageUntil(firstResumes.asMono());
		FakeForge secondForge = FakeForge.withCommits(150).holdingTheFirstPageUntil(secondReads.asMono());
		Fetches onFirst = new Fetches(records);
		Fetch requested = Fetch.requested(
				new RepositoryRef(firstForge.provider(), RepositoryPath.parse("acme/widgets")), 1000, FetchMode.FULL,
				NOW);
		records.requestOnce(requested).block(WAIT);

		AtomicReference<Fetch> firstEnded = new AtomicReference<>();
		instance(firstForge, onFirst).execute(requested).subscribe(firstEnded::set);
		await().atMost(WAIT).untilAsserted(() -> assertThat(recorded().status()).isEqualTo(FetchStatus.RUNNING));
		AtomicReference<Fetch> secondEnded = new AtomicReference<>();
		instance(secondForge, new Fetches(records)).execute(requested).subscribe(secondEnded::set);
		await().atMost(WAIT).untilAsserted(() -> assertThat(recorded().attempt()).isEqualTo(2));

		firstResumes.tryEmitEmpty();

		await().atMost(WAIT).untilAsserted(() -> assertThat(firstEnded.get()).isNotNull());
		assertThat(firstEnded.get().attempt()).isEqualTo(2);
		assertThat(recorded().status()).isEqualTo(FetchStatus.RUNNING);
		assertThat(recorded().commitsDiscovered()).isZero();
		assertThat(onFirst.find(requested.id())).isEmpty();
		assertThat(records.writes()).filteredOn(written -> written.attempt() == 1)
			.extracting(Fetch::status)
			.doesNotContain(FetchStatus.COMPLETED, FetchStatus.FAILED);

		secondReads.tryEmitEmpty();

		await().atMost(WAIT).untilAsserted(() -> assertThat(secondEnded.get()).isNotNull());
		assertThat(recorded().status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(recorded().commitsDiscovered()).isEqualTo(150);
		assertThat(recorded()).isEqualTo(secondEnded.get());
	}

	@Test
	void anInstanceWhoseFetchWasTakenOverInItsFirstPageLeavesTheRepositoryAsRememberedAndPublishesNothing() {
		RepositoryRef target = new RepositoryRef(FakeForge.withCommits(1).provider(),
				RepositoryPath.parse("acme/widgets"));
		RepositoryMemory remembered = new RepositoryMemory("f".repeat(40), 150, true, "W/\"head\"");
		history.completed(target, remembered).block(WAIT);

		takenOverInItsFirstPage(target);

		assertThat(commitLog.commits()).isEmpty();
		assertThat(history.memoryOf(target.provider(), target.path())).contains(remembered);
		assertThat(recorded().attempt()).isEqualTo(2);
	}

	@Test
	void anInstanceWhoseFetchOfANewRepositoryWasTakenOverInItsFirstPagePublishesNothing() {
		RepositoryRef target = new RepositoryRef(FakeForge.withCommits(1).provider(), RepositoryPath.parse("acme/new"));

		takenOverInItsFirstPage(target);

		assertThat(commitLog.commits()).isEmpty();
		assertThat(history.memoryOf(target.provider(), target.path())).isEmpty();
	}

	/**
	 * A first instance takes a fetch of {@code target} up and waits for its first page
	 * while a second takes it over (and waits on its own first page for ever); then the
	 * first page comes in, and the first instance runs on until it ends.
	 */
	private void takenOverInItsFirstPage(RepositoryRef target) {
		Sinks.Empty<Void> firstResumes = Sinks.empty();
		FakeForge firstForge = FakeForge.withCommits(150).holdingTheFirstPageUntil(firstResumes.asMono());
		FakeForge secondForge = FakeForge.withCommits(150).holdingTheFirstPageUntil(Mono.never());
		Fetch requested = Fetch.requested(target, 1000, FetchMode.INCREMENTAL, NOW);
		records.requestOnce(requested).block(WAIT);

		AtomicReference<Fetch> firstEnded = new AtomicReference<>();
		instance(firstForge, new Fetches(records)).execute(requested).subscribe(firstEnded::set);
		await().atMost(WAIT).untilAsserted(() -> assertThat(recorded().status()).isEqualTo(FetchStatus.RUNNING));
		instance(secondForge, new Fetches(records)).execute(requested).subscribe();
		await().atMost(WAIT).untilAsserted(() -> assertThat(recorded().attempt()).isEqualTo(2));

		firstResumes.tryEmitEmpty();

		await().atMost(WAIT).untilAsserted(() -> assertThat(firstEnded.get()).isNotNull());
	}

	private Fetch recorded() {
		return records.find(records.writes().get(0).id()).block(WAIT).orElseThrow();
	}

	private FetchCommits instance(FakeForge forge, Fetches fetches) {
		return new FetchCommits(new Forges(List.of(forge)), commitLog, fetches, history,
				Clock.fixed(NOW, ZoneOffset.UTC), new FetchSettings(4), Unsent.COMMANDS);
	}

}
