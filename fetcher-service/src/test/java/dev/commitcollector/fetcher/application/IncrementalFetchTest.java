package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;

class IncrementalFetchTest {

	private static final RepositoryPath REPOSITORY = RepositoryPath.parse("acme/widgets");

	private final RecordingCommitLog commitLog = new RecordingCommitLog();

	private final Fetches fetches = new Fetches(new InMemoryFetchRecords());

	private final InMemoryHistory history = new InMemoryHistory();

	private final HistoryForge forge = new HistoryForge(HistoryForge.linear("c", 1000));

	@Test
	void anUnchangedRepositoryCostsOneConditionalRequestAndPublishesNothing() {
		fetch(500, FetchMode.INCREMENTAL);
		int before = commitLog.commits().size();

		Fetch again = fetch(500, FetchMode.INCREMENTAL);

		assertThat(again.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(again.commitsDiscovered()).isZero();
		assertThat(commitLog.commits()).hasSize(before);
		assertThat(forge.requests()).endsWith("304").filteredOn("304"::equals).hasSize(1);
	}

	@Test
	void aRepeatedFetchPublishesOnlyNewCommitsAndStopsAtKnownHistory() {
		fetch(500, FetchMode.INCREMENTAL);
		List<DiscoveredCommit> pushed = new ArrayList<>(HistoryForge.linear("new", 5));
		pushed.set(4, HistoryForge.commit("new4", List.of(forge.listing().get(0).sha())));
		List<DiscoveredCommit> listing = new ArrayList<>(pushed);
		listing.addAll(forge.listing());
		forge.list(listing);
		int requestsBefore = forge.requests().size();

		Fetch again = fetch(500, FetchMode.INCREMENTAL);

		assertThat(again.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(again.commitsDiscovered()).isEqualTo(5);
		assertThat(commitLog.commits().subList(500, 505)).containsExactlyElementsOf(pushed);
		assertThat(forge.requests().subList(requestsBefore, forge.requests().size()))
			.containsExactly("first (conditional)");
	}

	@Test
	void keepsPagingUntilEveryCommitAMergeBroughtInIsFound() {
		fetch(1000, FetchMode.INCREMENTAL);
		List<DiscoveredCommit> known = forge.listing();
		// a feature branch forked from commit #600, merged now; its commits list after
		// 150 known ones
		DiscoveredCommit feature = HistoryForge.commit("feature", List.of(known.get(600).sha()));
		DiscoveredCommit merge = HistoryForge.commit("merge", List.of(known.get(0).sha(), feature.sha()));
		List<DiscoveredCommit> listing = new ArrayList<>();
		listing.add(merge);
		listing.addAll(known.subList(0, 150));
		listing.add(feature);
		listing.addAll(known.subList(150, known.size()));
		forge.list(listing);

		Fetch again = fetch(1000, FetchMode.INCREMENTAL);

		assertThat(again.commitsDiscovered()).isEqualTo(2);
		assertThat(commitLog.commits().subList(1000, 1002)).containsExactly(merge, feature);
		assertThat(forge.requests()).endsWith("first (conditional)", "2");
	}

	@Test
	void aLargerFetchAfterASmallerOneReadsTheOlderCommitsAndPublishesOnlyThose() {
		fetch(100, FetchMode.INCREMENTAL);

		Fetch deeper = fetch(1000, FetchMode.INCREMENTAL);

		assertThat(deeper.commitsDiscovered()).isEqualTo(900);
		assertThat(deeper.commitsAlreadyKnown()).isEqualTo(100);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.listing());
		assertThat(history.memoryOf("history", REPOSITORY))
			.hasValueSatisfying(memory -> assertThat(memory.reaches(1000)).isTrue());
	}

	@Test
	void aFullFetchReadsAndPublishesEverythingAgain() {
		fetch(300, FetchMode.INCREMENTAL);

		Fetch full = fetch(300, FetchMode.FULL);

		assertThat(full.commitsDiscovered()).isEqualTo(300);
		assertThat(forge.requests()).containsExactly("first", "2", "3", "first", "2", "3");
	}

	@Test
	void remembersHowFarTheKnownHistoryReaches() {
		fetch(250, FetchMode.INCREMENTAL);

		assertThat(history.memoryOf("history", REPOSITORY)).hasValueSatisfying(memory -> {
			assertThat(memory.headSha()).isEqualTo(forge.listing().get(0).sha());
			assertThat(memory.depth()).isEqualTo(250);
			assertThat(memory.complete()).isFalse();
			assertThat(memory.reaches(250)).isTrue();
			assertThat(memory.reaches(251)).isFalse();
		});
		fetch(5000, FetchMode.INCREMENTAL);
		assertThat(history.memoryOf("history", REPOSITORY))
			.hasValueSatisfying(memory -> assertThat(memory.complete()).isTrue());
	}

	@Test
	void aFetchAfterOneCutShortPublishesEveryCommitTheCutShortOneMissed() {
		fetch(1000, FetchMode.INCREMENTAL);
		List<DiscoveredCommit> pushed = new ArrayList<>(HistoryForge.linear("new", 300));
		pushed.set(299, HistoryForge.commit("new299", List.of(forge.listing().get(0).sha())));
		List<DiscoveredCommit> listing = new ArrayList<>(pushed);
		listing.addAll(forge.listing());
		forge.list(listing);
		forge.failsOnce("3");

		Fetch cutShort = fetch(1000, FetchMode.INCREMENTAL);

		assertThat(cutShort.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(history.memoryOf("history", REPOSITORY))
			.hasValueSatisfying(memory -> assertThat(memory.reaches(1000)).isFalse());

		Fetch next = fetch(1000, FetchMode.INCREMENTAL);

		assertThat(next.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(commitLog.commits()).extracting(DiscoveredCommit::sha)
			.containsAll(pushed.stream().map(DiscoveredCommit::sha).toList());
		assertThat(history.memoryOf("history", REPOSITORY))
			.hasValueSatisfying(memory -> assertThat(memory.reaches(1000)).isTrue());
	}

	@Test
	void aRewrittenHeadDoesNotOverstateHowDeepTheKnownHistoryReaches() {
		fetch(500, FetchMode.INCREMENTAL);
		List<DiscoveredCommit> before = forge.listing();
		List<DiscoveredCommit> rewritten = new ArrayList<>(before);
		rewritten.set(0, HistoryForge.commit("amended", List.of(before.get(1).sha())));
		forge.list(rewritten);
		fetch(500, FetchMode.INCREMENTAL);

		Fetch deeper = fetch(501, FetchMode.INCREMENTAL);

		assertThat(deeper.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(commitLog.commits()).contains(rewritten.get(0), before.get(500));
	}

	@Test
	void aCommitTheForgeListsOnTwoPagesIsWalkedAndPublishedOnce() {
		List<DiscoveredCommit> distinct = forge.listing();
		List<DiscoveredCommit> listing = new ArrayList<>(distinct);
		listing.add(100, distinct.get(99));
		forge.list(listing);

		Fetch fetch = fetch(250, FetchMode.INCREMENTAL);

		assertThat(fetch.commitsDiscovered()).isEqualTo(250);
		assertThat(commitLog.commits()).containsExactlyElementsOf(distinct.subList(0, 250));
	}

	@Test
	void aPageWithoutItsLinkToTheNextDoesNotMakeTheHistoryLookComplete() {
		forge.list(HistoryForge.linear("short", 250));
		forge.unlinkedOnce("2");

		Fetch cutShort = fetch(1000, FetchMode.INCREMENTAL);

		assertThat(cutShort.commitsDiscovered()).isEqualTo(200);
		assertThat(history.memoryOf("history", REPOSITORY))
			.hasValueSatisfying(memory -> assertThat(memory.complete()).isFalse());

		fetch(1000, FetchMode.INCREMENTAL);

		assertThat(commitLog.commits()).extracting(DiscoveredCommit::sha)
			.containsAll(forge.listing().stream().map(DiscoveredCommit::sha).toList());
		assertThat(history.memoryOf("history", REPOSITORY))
			.hasValueSatisfying(memory -> assertThat(memory.complete()).isTrue());
	}

	private Fetch fetch(int limit, FetchMode mode) {
		FetchCommits useCase = new FetchCommits(new Forges(List.of(forge)), commitLog, fetches, history,
				Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new FetchSettings(1),
				Unsent.COMMANDS);
		Fetch fetch = Fetch.start("history", REPOSITORY, limit, mode, Instant.parse("2026-01-01T00:00:00Z"));
		fetches.add(fetch);
		return useCase.run(forge, fetch).block(Duration.ofSeconds(10));
	}

}
