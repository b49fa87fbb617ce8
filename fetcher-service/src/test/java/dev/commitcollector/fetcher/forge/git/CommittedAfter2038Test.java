package dev.commitcollector.fetcher.forge.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history with a commit committed after 2038-01-19, fetched shallow over
 * {@code file://}, where JGit serves the fetch itself.
 */
class CommittedAfter2038Test {

	private static final Duration WITHIN = Duration.ofSeconds(30);

	@TempDir
	Path root;

	private final List<GitForge> forges = new ArrayList<>();

	@AfterEach
	void closeForges() {
		forges.forEach(GitForge::close);
	}

	@Test
	void readsTheNewestCommitsAsGitLogShowsThemWhereOneIsCommittedAfter2038() throws IOException {
		List<String> gitLog = new ArrayList<>();
		try (BareRepository remote = BareRepository.create(root.resolve("remotes"), "acme/y2038", true)) {
			ObjectId first = commit(remote, "root", "2020-01-01T00:00:00Z");
			ObjectId main = first;
			List<ObjectId> mains = new ArrayList<>();
			for (int month = 1; month <= 9; month++) {
				main = commit(remote, "on main " + month, "2021-0" + month + "-01T00:00:00Z", main);
				mains.add(0, main);
			}
			ObjectId future = commit(remote, "committed in 2099", "2099-12-31T00:00:00Z", first);
			ObjectId onFuture = commit(remote, "on it", "2022-01-01T00:00:00Z", future);
			ObjectId merge = commit(remote, "merge", "2023-01-01T00:00:00Z", main, onFuture);
			remote.head("main", merge);
			// git log: the merge; its parents by time (2022 before 2021-09); then 2099
			// joins and is the newest; then main's, newest first; then the root
			Stream.of(List.of(merge, onFuture, future), mains, List.of(first))
				.flatMap(List::stream)
				.forEach(commit -> gitLog.add(commit.name()));
		}

		for (int limit = 1; limit <= gitLog.size(); limit++) {
			assertThat(shas(all(forge(), "acme/y2038", limit))).as("the newest %d", limit)
				.containsExactlyElementsOf(gitLog.subList(0, limit));
		}
		try (Stream<Path> left = Files.list(root.resolve("work"))) {
			assertThat(left).as("temporary repositories left behind").isEmpty();
		}
	}

	private GitForge forge() {
		ProviderSettings settings = new ProviderSettings(ForgeType.GIT, root.resolve("remotes").toUri(), null,
				Duration.ofSeconds(20), 1);
		GitForge forge = new GitForge("local-git", settings, GitStub.RETRY, GitStub.SETTINGS,
				new GitWorkDir(root.resolve("work"), Duration.ofMinutes(1)), Clock.systemUTC());
		forges.add(forge);
		return forge;
	}

	private static ObjectId commit(BareRepository remote, String message, String committed, ObjectId... parents)
			throws IOException {
		Instant at = Instant.parse(committed);
		return remote.commit(message, "Author", "author@example.org", at, at, parents);
	}

	private static List<DiscoveredCommit> all(GitForge forge, String path, int limit) {
		RepositoryPath repository = ForgeType.GIT.parsePath(path);
		CommitPage page = forge.firstPage(repository, limit).block(WITHIN);
		List<DiscoveredCommit> commits = new ArrayList<>(page.commits());
		while (page.next().isPresent()) {
			page = forge.nextPage(repository, page.next().get()).block(WITHIN);
			commits.addAll(page.commits());
		}
		return commits;
	}

	private static List<String> shas(List<DiscoveredCommit> commits) {
		return commits.stream().map(DiscoveredCommit::sha).toList();
	}

}
