package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A mailmap is stamped with when the page that pinned its head was asked for: the file is
 * the one at that head, so a read published late (by a fetcher that froze) must not
 * outrank the read of the attempt that took the fetch over.
 */
class PublishMailmapTest {

	private static final Instant PINNED = Instant.parse("2026-01-01T00:00:00Z");

	private final MutableClock clock = new MutableClock(PINNED);

	private final Fetches fetches = new Fetches(new InMemoryFetchRecords());

	private final List<Instant> stamps = new CopyOnWriteArrayList<>();

	@Test
	void stampsTheMailmapWithWhenThePageThatPinnedItsHeadWasAskedFor() {
		FakeForge forge = FakeForge.withCommits(300).readingMailmaps();
		forge.asked(2).doOnSuccess(asked -> clock.advance(Duration.ofMinutes(5))).subscribe();
		MailmapLog log = (fetch, head, mailmap, headAsked) -> Mono.fromRunnable(() -> stamps.add(headAsked));
		FetchCommits useCase = new FetchCommits(new Forges(List.of(forge)), new RecordingCommitLog(), log, fetches,
				new InMemoryHistory(), clock, new FetchSettings(1), Unsent.COMMANDS, FetchMeters.NONE,
				FetchTraces.NONE);
		Fetch fetch = Fetch.start(forge.provider(), RepositoryPath.parse("acme/widgets"), 300, FetchMode.FULL, PINNED);
		fetches.add(fetch);

		Fetch done = useCase.run(forge, fetch).block(Duration.ofSeconds(10));

		assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(clock.instant()).isEqualTo(PINNED.plus(Duration.ofMinutes(5)));
		assertThat(stamps).containsExactly(PINNED);
	}

	@Test
	void readsTheMailmapAgainAtAnUnchangedHeadAfterAReadThatFailedAndNotOnceItIsPublished() {
		FakeForge forge = FakeForge.withCommits(50).readingMailmaps().failingMailmapReads(1);

		List<String> published = fetchedThreeTimes(forge);

		// the first read failed, the second published at the same head, the third had
		// nothing to read
		assertThat(forge.mailmapReads()).isEqualTo(2);
		assertThat(published).hasSize(1);
	}

	@Test
	void readsTheMailmapAgainAfterAReadThatFailedWhenTheForgeSaysTheHistoryIsUnchanged() {
		FakeForge forge = FakeForge.withCommits(50).readingMailmaps().failingMailmapReads(1).answeringConditionally();

		List<String> published = fetchedThreeTimes(forge);

		// the first read failed; the second fetch's listing was unchanged (a 304), and it
		// read the mailmap that was still due; the third had nothing to read
		assertThat(forge.mailmapReads()).isEqualTo(2);
		assertThat(published).hasSize(1);
	}

	/**
	 * Three incremental fetches of the forge's repository, each COMPLETED: the heads
	 * published.
	 */
	private List<String> fetchedThreeTimes(FakeForge forge) {
		List<String> published = new CopyOnWriteArrayList<>();
		MailmapLog log = (fetch, head, mailmap, headAsked) -> Mono.fromRunnable(() -> published.add(head));
		FetchCommits useCase = new FetchCommits(new Forges(List.of(forge)), new RecordingCommitLog(), log, fetches,
				new InMemoryHistory(), clock, new FetchSettings(1), Unsent.COMMANDS, FetchMeters.NONE,
				FetchTraces.NONE);
		for (int i = 0; i < 3; i++) {
			Fetch fetch = Fetch.start(forge.provider(), RepositoryPath.parse("acme/widgets"), 50, FetchMode.INCREMENTAL,
					clock.instant());
			fetches.add(fetch);
			Fetch done = useCase.run(forge, fetch).block(Duration.ofSeconds(10));
			assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(FetchStatus.COMPLETED);
		}
		return published;
	}

}
