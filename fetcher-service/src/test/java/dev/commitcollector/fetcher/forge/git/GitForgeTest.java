package dev.commitcollector.fetcher.forge.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class GitForgeTest {

	private static final Instant NEWEST = Instant.parse("2025-06-01T00:00:00Z");

	private static final Duration WITHIN = Duration.ofSeconds(30);

	@TempDir
	Path root;

	private final List<GitForge> forges = new ArrayList<>();

	@AfterEach
	void closeForges() {
		forges.forEach(GitForge::close);
	}

	@Test
	void fetchesNoDeeperThanTheLimit() throws IOException {
		List<ObjectId> history = linear("acme/deep", 400, false);
		GitForge forge = forge(Duration.ofMinutes(1));

		CommitPage first = forge.firstPage(path("acme/deep"), 250).block(WITHIN);

		assertThat(first.commits()).hasSize(100);
		try (Repository fetched = theFetchedRepository()) {
			assertThat(fetched.getObjectDatabase().has(history.get(249))).isTrue();
			assertThat(fetched.getObjectDatabase().has(history.get(250))).isFalse();
		}
		assertThat(rest(forge, "acme/deep", first)).hasSize(150);
	}

	@Test
	void asksForCommitsOnlyWhereTheServerOffersFilters() throws IOException {
		List<ObjectId> history = linear("acme/filtered", 150, true);
		GitForge forge = forge(Duration.ofMinutes(1));

		forge.firstPage(path("acme/filtered"), 150).block(WITHIN);

		assertThat(forge.fetches().filtersRefused(path("acme/filtered"))).isFalse();
		try (Repository fetched = theFetchedRepository();
				BareRepository remote = BareRepository.open(remotes(), "acme/filtered")) {
			assertThat(fetched.getObjectDatabase().has(history.get(0))).isTrue();
			assertThat(fetched.getObjectDatabase().has(remote.treeOf(history.get(0)))).isFalse();
		}
	}

	@Test
	void fallsBackToDepthAloneWhereTheServerOffersNoFilters() throws IOException {
		List<ObjectId> history = linear("acme/unfiltered", 150, false);
		GitForge forge = forge(Duration.ofMinutes(1));

		CommitPage first = forge.firstPage(path("acme/unfiltered"), 150).block(WITHIN);

		assertThat(forge.fetches().filtersRefused(path("acme/unfiltered"))).isTrue();
		try (Repository fetched = theFetchedRepository();
				BareRepository remote = BareRepository.open(remotes(), "acme/unfiltered")) {
			assertThat(fetched.getObjectDatabase().has(remote.treeOf(history.get(0)))).isTrue();
		}
		assertThat(first.commits()).hasSize(100);
		assertThat(rest(forge, "acme/unfiltered", first)).hasSize(50);
	}

	@Test
	void asksForFiltersAgainAnHourAfterARefusalSoThatAServerThatTurnedThemOnIsUsed() throws IOException {
		List<ObjectId> history = linear("acme/turned-on", 150, false);
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T12:00:00Z"));
		GitForge forge = forge(Duration.ofMinutes(1), reading(now));
		CommitPage refused = forge.firstPage(path("acme/turned-on"), 150).block(WITHIN);
		assertThat(forge.fetches().filtersRefused(path("acme/turned-on"))).isTrue();
		forge.release(path("acme/turned-on"), refused.next().orElseThrow());
		try (BareRepository remote = BareRepository.open(remotes(), "acme/turned-on")) {
			remote.allowFilters(true);
		}

		now.set(now.get().plus(ShallowFetch.REFUSAL_KEPT).minusSeconds(1));
		assertThat(forge.fetches().filtersRefused(path("acme/turned-on"))).as("still believed").isTrue();
		now.set(now.get().plusSeconds(2));
		assertThat(forge.fetches().filtersRefused(path("acme/turned-on"))).isFalse();
		forge.firstPage(path("acme/turned-on"), 150).block(WITHIN);

		assertThat(forge.fetches().filtersRefused(path("acme/turned-on"))).isFalse();
		try (Repository fetched = theFetchedRepository();
				BareRepository remote = BareRepository.open(remotes(), "acme/turned-on")) {
			assertThat(fetched.getObjectDatabase().has(history.get(0))).isTrue();
			assertThat(fetched.getObjectDatabase().has(remote.treeOf(history.get(0)))).as("commits only").isFalse();
		}
	}

	@Test
	void stillAsksForCommitsOnlyOfARepositoryWithFiltersAfterOneWithoutOnTheSameHost() throws IOException {
		linear("acme/unfiltered", 20, false);
		List<ObjectId> history = linear("acme/filtered", 150, true);
		GitForge forge = forge(Duration.ofMinutes(1));
		CommitPage unfiltered = forge.firstPage(path("acme/unfiltered"), 20).block(WITHIN);
		assertThat(unfiltered.next()).as("read whole, its repository deleted").isEmpty();

		forge.firstPage(path("acme/filtered"), 150).block(WITHIN);

		assertThat(forge.fetches().filtersRefused(path("acme/unfiltered"))).isTrue();
		assertThat(forge.fetches().filtersRefused(path("acme/filtered"))).isFalse();
		try (Repository fetched = theFetchedRepository();
				BareRepository remote = BareRepository.open(remotes(), "acme/filtered")) {
			assertThat(fetched.getObjectDatabase().has(history.get(0))).isTrue();
			assertThat(fetched.getObjectDatabase().has(remote.treeOf(history.get(0)))).isFalse();
		}
	}

	@Test
	void walksAMergeNewestFirstByCommitTimeWithItsParents() throws IOException {
		ObjectId initial;
		ObjectId main;
		ObjectId side;
		ObjectId merge;
		try (BareRepository remote = BareRepository.create(remotes(), "acme/merged", true)) {
			initial = commit(remote, "initial", 4);
			main = commit(remote, "on main", 3, initial);
			side = commit(remote, "on a branch", 2, initial);
			merge = commit(remote, "merge the branch", 1, main, side);
			remote.head("main", merge);
		}

		List<DiscoveredCommit> commits = all(forge(Duration.ofMinutes(1)), "acme/merged", 100);

		assertThat(commits).extracting(DiscoveredCommit::sha)
			.containsExactly(merge.name(), side.name(), main.name(), initial.name());
		assertThat(commits.get(0).parents()).containsExactly(main.name(), side.name());
		assertThat(commits.get(0).messageHeadline()).isEqualTo("merge the branch");
		assertThat(commits.get(3).parents()).isEmpty();
	}

	@Test
	void reportsTheParentsOfTheShallowBoundary() throws IOException {
		List<ObjectId> history = linear("acme/boundary", 10, true);

		List<DiscoveredCommit> commits = all(forge(Duration.ofMinutes(1)), "acme/boundary", 3);

		assertThat(commits).extracting(DiscoveredCommit::sha)
			.containsExactly(history.get(0).name(), history.get(1).name(), history.get(2).name());
		assertThat(commits.get(2).parents()).containsExactly(history.get(3).name());
	}

	/**
	 * JGit serves a {@code file://} fetch itself, and computes a shallow boundary with
	 * commit times in 32 bits: a commit committed after 2038-01-19 made it leave out a
	 * commit it did not mark as cut.
	 */
	@Test
	void readsTheNewestCommitsAsGitLogShowsThemWhereOneIsCommittedAfter2038() throws IOException {
		List<String> gitLog = new ArrayList<>();
		try (BareRepository remote = BareRepository.create(remotes(), "acme/y2038", true)) {
			ObjectId first = commitAt(remote, "root", "2020-01-01T00:00:00Z");
			ObjectId main = first;
			List<ObjectId> mains = new ArrayList<>();
			for (int month = 1; month <= 9; month++) {
				main = commitAt(remote, "on main " + month, "2021-0" + month + "-01T00:00:00Z", main);
				mains.add(0, main);
			}
			ObjectId future = commitAt(remote, "committed in 2099", "2099-12-31T00:00:00Z", first);
			ObjectId onFuture = commitAt(remote, "on it", "2022-01-01T00:00:00Z", future);
			ObjectId merge = commitAt(remote, "merge", "2023-01-01T00:00:00Z", main, onFuture);
			remote.head("main", merge);
			// git log: the merge; its parents by time (2022 before 2021-09); then 2099
			// joins and is the newest; then main's, newest first; then the root
			Stream.of(List.of(merge, onFuture, future), mains, List.of(first))
				.flatMap(List::stream)
				.forEach(commit -> gitLog.add(commit.name()));
		}

		for (int limit = 1; limit <= gitLog.size(); limit++) {
			assertThat(all(forge(Duration.ofMinutes(1)), "acme/y2038", limit)).extracting(DiscoveredCommit::sha)
				.as("the newest %d", limit)
				.containsExactlyElementsOf(gitLog.subList(0, limit));
		}
		assertThat(temporaryRepositories()).as("temporary repositories left behind").isEmpty();
	}

	/**
	 * JGit's upload-pack over {@code file://} refuses a shallow fetch outright ("No
	 * commits selected for shallow request") where the head itself is committed after
	 * 2038-01-19.
	 */
	@Test
	void readsAHistoryWhoseHeadIsCommittedAfter2038() throws IOException {
		List<String> gitLog = new ArrayList<>();
		try (BareRepository remote = BareRepository.create(remotes(), "acme/head2038", true)) {
			ObjectId main = null;
			for (int month = 1; month <= 9; month++) {
				main = main == null ? commitAt(remote, "on main " + month, "2021-0" + month + "-01T00:00:00Z")
						: commitAt(remote, "on main " + month, "2021-0" + month + "-01T00:00:00Z", main);
				gitLog.add(0, main.name());
			}
			ObjectId head = commitAt(remote, "committed in 2099", "2099-12-31T00:00:00Z", main);
			gitLog.add(0, head.name());
			remote.head("main", head);
		}

		for (int limit : List.of(1, 3, gitLog.size())) {
			assertThat(all(forge(Duration.ofMinutes(1)), "acme/head2038", limit)).extracting(DiscoveredCommit::sha)
				.as("the newest %d", limit)
				.containsExactlyElementsOf(gitLog.subList(0, limit));
		}
		assertThat(temporaryRepositories()).as("temporary repositories left behind").isEmpty();
	}

	@Test
	void readsAuthorAndCommitterDatesApart() throws IOException {
		ObjectId rebased;
		try (BareRepository remote = BareRepository.create(remotes(), "acme/rebased", true)) {
			rebased = remote.commit("Rebased\n\nbody", "Ada", "ada@example.org", NEWEST.minusSeconds(86400), NEWEST);
			remote.head("main", rebased);
		}

		DiscoveredCommit commit = all(forge(Duration.ofMinutes(1)), "acme/rebased", 10).get(0);

		assertThat(commit.author().name()).isEqualTo("Ada");
		assertThat(commit.author().email()).isEqualTo("ada@example.org");
		assertThat(commit.author().login()).isNull();
		assertThat(commit.authoredAt()).isEqualTo(NEWEST.minusSeconds(86400));
		assertThat(commit.committedAt()).isEqualTo(NEWEST);
		assertThat(commit.messageHeadline()).isEqualTo("Rebased");
	}

	@Test
	void readsMainWhereHeadPointsAtNoBranch() throws IOException {
		List<ObjectId> history = linear("acme/unborn-head", 3, true);
		try (BareRepository remote = BareRepository.open(remotes(), "acme/unborn-head")) {
			remote.unbornHead("master");
		}

		assertThat(all(forge(Duration.ofMinutes(1)), "acme/unborn-head", 10)).extracting(DiscoveredCommit::sha)
			.containsExactlyElementsOf(history.stream().map(ObjectId::name).toList());
	}

	@Test
	void readsTheOnlyBranchWhereHeadMainAndMasterNameNone() throws IOException {
		List<ObjectId> history = linear("acme/trunk-only", 3, true);
		try (BareRepository remote = BareRepository.open(remotes(), "acme/trunk-only")) {
			remote.branch("trunk", history.get(0));
			remote.deleteBranch("main");
			remote.unbornHead("master");
		}

		assertThat(all(forge(Duration.ofMinutes(1)), "acme/trunk-only", 10)).extracting(DiscoveredCommit::sha)
			.containsExactlyElementsOf(history.stream().map(ObjectId::name).toList());
	}

	@Test
	void refusesToGuessAmongBranchesWhereHeadNamesNoneSayingWhichThereAre() throws IOException {
		List<ObjectId> history = linear("acme/two-branches", 3, true);
		try (BareRepository remote = BareRepository.open(remotes(), "acme/two-branches")) {
			remote.branch("trunk", history.get(0));
			remote.branch("develop", history.get(1));
			remote.deleteBranch("main");
			remote.unbornHead("master");
		}

		StepVerifier.create(forge(Duration.ofMinutes(1)).firstPage(path("acme/two-branches"), 10))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
				.hasMessageContaining("names no branch there is, and it has 2 branches (develop, trunk)")
				.hasMessageContaining("git symbolic-ref HEAD"))
			.verify(WITHIN);
	}

	@Test
	void readsARepositoryWithNoBranchAsEmpty() throws IOException {
		try (BareRepository remote = BareRepository.create(remotes(), "acme/no-branch", true)) {
			remote.unbornHead("master");
		}

		assertThat(all(forge(Duration.ofMinutes(1)), "acme/no-branch", 10)).isEmpty();
	}

	@Test
	void leavesNoTemporaryRepositoryBehindAfterAFetchOrAFailure() throws IOException {
		linear("acme/cleaned", 120, true);
		GitForge forge = forge(Duration.ofMinutes(1));

		assertThat(all(forge, "acme/cleaned", 1000)).hasSize(120);
		StepVerifier.create(forge.firstPage(path("acme/missing"), 100))
			.expectError(ForgeFailure.RepositoryNotFound.class)
			.verify(WITHIN);

		assertThat(temporaryRepositories()).isEmpty();
		assertThat(forge.histories().size()).isZero();
	}

	@Test
	void deletesAFetchWhoseNextPageIsNotAskedForInTime() throws IOException {
		linear("acme/abandoned", 150, true);
		GitForge forge = forge(Duration.ofMillis(200));

		CommitPage first = forge.firstPage(path("acme/abandoned"), 150).block(WITHIN);

		assertThat(first.next()).isPresent();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(temporaryRepositories()).isEmpty());
		StepVerifier.create(forge.nextPage(path("acme/abandoned"), first.next().get()))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
				.hasMessageContaining("start the fetch again"))
			.verify(WITHIN);
	}

	@Test
	void deletesTheFetchesItsForgesStillPageWhenTheFetcherStops() throws IOException {
		linear("acme/stopped", 150, true);
		GitWorkDir workDir = new GitWorkDir(work(), Duration.ofMinutes(1));
		ProviderSettings settings = new ProviderSettings(ForgeType.GIT, remotes().toUri(), null, Duration.ofSeconds(20),
				1);
		GitForge forge = new GitForge("local-git", settings, GitStub.RETRY, GitStub.SETTINGS, workDir,
				Clock.systemUTC());

		CommitPage first = forge.firstPage(path("acme/stopped"), 150).block(WITHIN);
		assertThat(first.next()).isPresent();
		assertThat(temporaryRepositories()).hasSize(1);

		workDir.close();

		assertThat(temporaryRepositories()).isEmpty();
		assertThat(forge.histories().size()).isZero();
	}

	@Test
	void deletesAFetchedHistoryAsSoonAsTheWalkReleasesIt() throws IOException {
		linear("acme/released", 300, false);
		GitForge forge = forge(Duration.ofMinutes(10));
		CommitPage first = forge.firstPage(path("acme/released"), 300).block(WITHIN);
		assertThat(temporaryRepositories()).hasSize(1);

		forge.release(path("acme/other"), first.next().get());
		assertThat(temporaryRepositories()).as("another repository's release").hasSize(1);
		forge.release(path("acme/released"), first.next().get());

		assertThat(temporaryRepositories()).isEmpty();
	}

	@Test
	void refusesACursorOfAnotherRepository() throws IOException {
		linear("acme/one", 150, true);
		GitForge forge = forge(Duration.ofMinutes(1));
		CommitPage first = forge.firstPage(path("acme/one"), 150).block(WITHIN);

		StepVerifier.create(forge.nextPage(path("acme/other"), first.next().get()))
			.expectError(ForgeFailure.Rejected.class)
			.verify(WITHIN);
	}

	private GitForge forge(Duration idle) {
		return forge(idle, Clock.systemUTC());
	}

	/** A clock that reads {@code now}, which the test moves. */
	private static Clock reading(AtomicReference<Instant> now) {
		return new Clock() {

			@Override
			public Instant instant() {
				return now.get();
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

		};
	}

	private GitForge forge(Duration idle, Clock clock) {
		ProviderSettings settings = new ProviderSettings(ForgeType.GIT, remotes().toUri(), null, Duration.ofSeconds(20),
				1);
		GitForge forge = new GitForge("local-git", settings, GitStub.RETRY, GitStub.SETTINGS,
				new GitWorkDir(work(), idle), clock);
		forges.add(forge);
		return forge;
	}

	/** {@code count} commits an hour apart, newest first. */
	private List<ObjectId> linear(String path, int count, boolean allowFilters) throws IOException {
		List<ObjectId> newestFirst = new ArrayList<>();
		try (BareRepository remote = BareRepository.create(remotes(), path, allowFilters)) {
			ObjectId parent = null;
			for (int i = count - 1; i >= 0; i--) {
				parent = parent == null ? commit(remote, "Change " + i, i) : commit(remote, "Change " + i, i, parent);
				newestFirst.add(0, parent);
			}
			remote.head("main", parent);
		}
		return newestFirst;
	}

	private static ObjectId commit(BareRepository remote, String message, int hoursAgo, ObjectId... parents)
			throws IOException {
		Instant at = NEWEST.minusSeconds(3600L * hoursAgo);
		return remote.commit(message, "Author", "author@example.org", at, at, parents);
	}

	private static ObjectId commitAt(BareRepository remote, String message, String committed, ObjectId... parents)
			throws IOException {
		Instant at = Instant.parse(committed);
		return remote.commit(message, "Author", "author@example.org", at, at, parents);
	}

	private static List<DiscoveredCommit> all(GitForge forge, String path, int limit) {
		CommitPage first = forge.firstPage(path(path), limit).block(WITHIN);
		List<DiscoveredCommit> commits = new ArrayList<>(first.commits());
		commits.addAll(rest(forge, path, first));
		return commits;
	}

	private static List<DiscoveredCommit> rest(GitForge forge, String path, CommitPage page) {
		List<DiscoveredCommit> commits = new ArrayList<>();
		while (page.next().isPresent()) {
			page = forge.nextPage(path(path), page.next().get()).block(WITHIN);
			commits.addAll(page.commits());
		}
		return commits;
	}

	private Repository theFetchedRepository() throws IOException {
		List<Path> fetched = temporaryRepositories();
		assertThat(fetched).hasSize(1);
		return new FileRepositoryBuilder().setGitDir(fetched.get(0).toFile()).setBare().build();
	}

	private List<Path> temporaryRepositories() throws IOException {
		if (!Files.exists(work())) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(work())) {
			return entries.toList();
		}
	}

	private static RepositoryPath path(String path) {
		return ForgeType.GIT.parsePath(path);
	}

	private Path remotes() {
		return root.resolve("remotes");
	}

	private Path work() {
		return root.resolve("work");
	}

}
