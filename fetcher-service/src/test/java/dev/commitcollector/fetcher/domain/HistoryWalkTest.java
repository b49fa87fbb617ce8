package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HistoryWalkTest {

	private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void aFullWalkPublishesEverythingAndNeverCatchesUp() {
		HistoryWalk walk = HistoryWalk.full();
		List<DiscoveredCommit> page = List.of(commit("c", "b"), commit("b", "a"));

		assertThat(walk.fresh(page, Set.of(sha("b")))).isEqualTo(page);
		assertThat(walk.caughtUp()).isFalse();
	}

	@Test
	void anIncrementalWalkPublishesOnlyUnknownCommitsAndCatchesUpOnKnownHistory() {
		HistoryWalk walk = HistoryWalk.incremental();

		List<DiscoveredCommit> fresh = walk.fresh(List.of(commit("d", "c"), commit("c", "b"), commit("b", "a")),
				Set.of(sha("b")));

		assertThat(fresh).extracting(DiscoveredCommit::sha).containsExactly(sha("d"), sha("c"));
		assertThat(walk.unseenParents()).isEmpty();
		assertThat(walk.caughtUp()).isTrue();
	}

	@Test
	void keepsWalkingWhileANewMergeCommitsSecondParentIsUnseenAndUnknown() {
		HistoryWalk walk = HistoryWalk.incremental();
		// m merges x (new, listed after the known b) into c
		walk.fresh(List.of(commit("m", "c", "x"), commit("c", "b"), commit("b", "a")), Set.of(sha("b")));

		assertThat(walk.unseenParents()).containsExactly(sha("x"));
		assertThat(walk.caughtUp()).isFalse();

		walk.fresh(List.of(commit("x", "a")), Set.of());
		walk.parentsKnown(Set.of(sha("a")));
		assertThat(walk.caughtUp()).isTrue();
	}

	@Test
	void aParentTheHistoryKnowsNeedsNoWalkingTo() {
		HistoryWalk walk = HistoryWalk.incremental();
		walk.fresh(List.of(commit("m", "k1", "k2"), commit("k1", "z")), Set.of(sha("k1")));

		walk.parentsKnown(Set.of(sha("k2")));

		assertThat(walk.caughtUp()).isTrue();
	}

	@Test
	void remembersWhatItWalkedOrExtendsWhatWasKnownWhenItCaughtUp() {
		CommitPage first = new CommitPage(List.of(commit("d", "c")), Optional.empty()).withEtag("\"v2\"");
		HistoryWalk full = HistoryWalk.full();
		assertThat(full.ranOutOfPages(List.of(commit("b", "a"), commit("a")))).isTrue();

		assertThat(full.memory(first, Optional.empty(), new Fetch.Progress(40, 0)))
			.isEqualTo(new RepositoryMemory(sha("d"), 40, true, "\"v2\""));

		HistoryWalk incremental = HistoryWalk.incremental();
		incremental.fresh(List.of(commit("d", "c"), commit("c", "b")), Set.of(sha("c")));
		RepositoryMemory before = new RepositoryMemory(sha("c"), 100, false, "\"v1\"");
		assertThat(incremental.memory(first, Optional.of(before), new Fetch.Progress(1, 1)))
			.isEqualTo(new RepositoryMemory(sha("d"), 101, false, "\"v2\""));
	}

	@Test
	void catchesUpOnlyOnceItReachesTheHeadTheLastFetchStartedFrom() {
		// the head was rewritten: d replaces the known head c, on top of the known b
		HistoryWalk walk = HistoryWalk.incremental(sha("c"));

		List<DiscoveredCommit> fresh = walk.fresh(List.of(commit("d", "b"), commit("b", "a")), Set.of(sha("b")));

		assertThat(fresh).extracting(DiscoveredCommit::sha).containsExactly(sha("d"));
		assertThat(walk.caughtUp()).isFalse();

		walk.fresh(List.of(commit("c", "b")), Set.of(sha("c")));
		assertThat(walk.caughtUp()).isTrue();
	}

	@Test
	void aRewrittenHeadMakesTheWalkRememberWhatItWalkedNotMore() {
		HistoryWalk walk = HistoryWalk.incremental(sha("c"));
		walk.fresh(List.of(commit("d", "b"), commit("b", "a")), Set.of(sha("b")));
		CommitPage first = new CommitPage(List.of(commit("d", "b")), Optional.empty()).withEtag("\"v2\"");
		RepositoryMemory before = new RepositoryMemory(sha("c"), 3, false, "\"v1\"");

		assertThat(walk.memory(first, Optional.of(before), new Fetch.Progress(1, 1)))
			.isEqualTo(new RepositoryMemory(sha("d"), 2, false, "\"v2\""));
	}

	@Test
	void walksACommitThePageBeforeListedOnce() {
		HistoryWalk walk = HistoryWalk.full();
		walk.unrepeated(List.of(commit("e", "d"), commit("d", "c")));

		assertThat(walk.unrepeated(List.of(commit("d", "c"), commit("c", "b"), commit("c", "b"))))
			.extracting(DiscoveredCommit::sha)
			.containsExactly(sha("c"));
		assertThat(walk.unrepeated(List.of(commit("b", "a"), commit("a")))).extracting(DiscoveredCommit::sha)
			.containsExactly(sha("b"), sha("a"));
	}

	@Test
	void runsOutOfPagesAtTheFirstCommitOnlyWhenTheLastOneListedHasNoParent() {
		CommitPage first = new CommitPage(List.of(commit("c", "b")), Optional.empty());
		HistoryWalk cutShort = HistoryWalk.full();

		assertThat(cutShort.ranOutOfPages(List.of(commit("c", "b")))).isFalse();
		assertThat(cutShort.memory(first, Optional.empty(), new Fetch.Progress(1, 0)).complete()).isFalse();

		HistoryWalk whole = HistoryWalk.full();
		assertThat(whole.ranOutOfPages(List.of(commit("b", "a"), commit("a")))).isTrue();
		assertThat(whole.memory(first, Optional.empty(), new Fetch.Progress(2, 0)).complete()).isTrue();
		assertThat(HistoryWalk.full().ranOutOfPages(List.of())).isTrue();
	}

	@Test
	void takesAnEmptyLastPageForTheEndOfHistoryOnlyWhenTheLastCommitWalkedHasNoParent() {
		HistoryWalk cutShort = HistoryWalk.full();
		cutShort.unrepeated(List.of(commit("d", "c"), commit("c", "b")));
		cutShort.unrepeated(List.of());

		assertThat(cutShort.ranOutOfPages(List.of())).isFalse();

		HistoryWalk whole = HistoryWalk.full();
		whole.unrepeated(List.of(commit("b", "a"), commit("a")));
		whole.unrepeated(List.of());

		assertThat(whole.ranOutOfPages(List.of())).isTrue();
	}

	@Test
	void takesAPageOfCommitsWalkedAlreadyForNoProgressAndANewOneForProgress() {
		HistoryWalk walk = HistoryWalk.full();
		List<DiscoveredCommit> first = List.of(commit("e", "d"), commit("d", "c"));
		List<DiscoveredCommit> second = List.of(commit("c", "b"), commit("b", "a"));

		walk.unrepeated(first);
		assertThat(walk.advanced()).isTrue();
		walk.unrepeated(second);
		assertThat(walk.advanced()).isTrue();
		assertThat(walk.unrepeated(first)).as("not the page before: walked again, but no progress").hasSize(2);
		assertThat(walk.advanced()).isFalse();
		assertThat(walk.unrepeated(first)).as("the page before: not walked again").isEmpty();
		assertThat(walk.advanced()).isFalse();
	}

	@Test
	void takesAParentListedBeforeOneOfItsChildrenForListedAsGitDoesWithSkewedDates() {
		HistoryWalk walk = HistoryWalk.full();

		// r, the first commit, dated after its children: git lists it after x, its child
		// on one side of the merge, before b, its child on the other
		walk.unrepeated(List.of(commit("m", "c", "x"), commit("x", "r"), commit("r")));
		assertThat(walk.advanced()).isTrue();
		walk.unrepeated(List.of(commit("c", "b"), commit("b", "r")));
		assertThat(walk.advanced()).isTrue();
		assertThat(walk.closed()).isTrue();
		assertThat(walk.ranOutOfPages(List.of(commit("c", "b"), commit("b", "r"))))
			.as("every parent was listed, r before b")
			.isTrue();
	}

	@Test
	void takesAParentListedBeforeItsOnlyChildForProgress() {
		HistoryWalk walk = HistoryWalk.full();

		walk.unrepeated(List.of(commit("d", "c")));
		walk.unrepeated(List.of(commit("b", "a")));
		assertThat(walk.advanced()).isTrue();
		walk.unrepeated(List.of(commit("c", "b"), commit("a")));
		assertThat(walk.advanced()).isTrue();
		assertThat(walk.closed()).isTrue();
	}

	@Test
	void takesAWalkThatListedEveryParentForTheWholeHistoryAndOneWithAGapForLess() {
		HistoryWalk whole = HistoryWalk.full();
		whole.unrepeated(List.of(commit("d", "c", "x"), commit("x", "b"), commit("c", "b")));
		whole.unrepeated(List.of(commit("b", "a"), commit("a")));
		HistoryWalk gap = HistoryWalk.full();
		gap.unrepeated(List.of(commit("d", "c"), commit("c", "b")));
		gap.unrepeated(List.of());
		gap.unrepeated(List.of(commit("a")));

		assertThat(whole.closed()).isTrue();
		assertThat(whole.ranOutOfPages(List.of(commit("a")))).isTrue();
		assertThat(gap.closed()).isFalse();
		assertThat(gap.ranOutOfPages(List.of(commit("a")))).as("b was never listed").isFalse();
	}

	private static DiscoveredCommit commit(String name, String... parents) {
		return new DiscoveredCommit(sha(name), new CommitAuthor("Ada", "ada@example.org", null), AT, AT, name,
				Arrays.stream(parents).map(HistoryWalkTest::sha).toList());
	}

	private static String sha(String name) {
		return String.format("%40s", Integer.toHexString(name.hashCode() & 0x7fffffff)).replace(' ', '0');
	}

}
