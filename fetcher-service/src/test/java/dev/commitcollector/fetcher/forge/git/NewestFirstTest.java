package dev.commitcollector.fetcher.forge.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history walked in {@code git log}'s order, whatever year its commits were made. */
class NewestFirstTest {

	@TempDir
	Path remotes;

	@Test
	void walksACommitCommittedAfter2038AsTheNewestItIsAsGitLogDoes() throws IOException {
		ObjectId root;
		ObjectId branch;
		ObjectId future;
		ObjectId onFuture;
		ObjectId merge;
		try (BareRepository remote = BareRepository.create(remotes, "acme/y2038", true)) {
			root = commit(remote, "root", "2020-01-01T00:00:00Z");
			branch = commit(remote, "on a branch", "2021-01-01T00:00:00Z", root);
			future = commit(remote, "committed in 2099", "2099-12-31T00:00:00Z", root);
			onFuture = commit(remote, "on it", "2022-01-01T00:00:00Z", future);
			merge = commit(remote, "merge", "2023-01-01T00:00:00Z", branch, onFuture);
			remote.head("main", merge);
		}

		// git log: the merge; its parents by time (2022 before 2021); then 2099 joins
		// and is the newest; then 2021; then the root
		assertThat(walked("acme/y2038", merge)).containsExactly(merge, onFuture, future, branch, root);
	}

	@Test
	void walksCommitsOfTheSameTimeInTheOrderTheyJoined() throws IOException {
		ObjectId root;
		ObjectId first;
		ObjectId second;
		ObjectId merge;
		try (BareRepository remote = BareRepository.create(remotes, "acme/same-time", true)) {
			root = commit(remote, "root", "2020-01-01T00:00:00Z");
			first = commit(remote, "first parent", "2021-01-01T00:00:00Z", root);
			second = commit(remote, "second parent", "2021-01-01T00:00:00Z", root);
			merge = commit(remote, "merge", "2022-01-01T00:00:00Z", first, second);
			remote.head("main", merge);
		}

		assertThat(walked("acme/same-time", merge)).containsExactly(merge, first, second, root);
	}

	private List<ObjectId> walked(String path, ObjectId head) throws IOException {
		List<ObjectId> order = new ArrayList<>();
		try (Repository repository = new FileRepositoryBuilder().setGitDir(remotes.resolve(path + ".git").toFile())
			.setBare()
			.build(); RevWalk walk = new RevWalk(repository)) {
			NewestFirst history = new NewestFirst(walk, walk.lookupCommit(head));
			for (RevCommit commit = history.next(); commit != null; commit = history.next()) {
				order.add(commit.copy());
			}
		}
		return order;
	}

	private ObjectId commit(BareRepository remote, String message, String committed, ObjectId... parents)
			throws IOException {
		Instant at = Instant.parse(committed);
		return remote.commit(message, "Author", "author@example.org", at, at, parents);
	}

}
