package dev.commitcollector.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.localstack.SyntheticHistory.Commit;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A bare repository on disk, written with JGit, as a git host keeps it and serves it over
 * file://.
 */
final class BareGitRepository {

	private BareGitRepository() {
	}

	/**
	 * Writes {@code newestFirst} as the history of {@code {root}/{path}.git}, one file
	 * changed a commit, with {@code main} and HEAD at the newest; returns the commits as
	 * written, with the shas git gave them. Clients may ask for commits only
	 * ({@code uploadpack.allowFilter}), as GitHub and GitLab allow.
	 */
	static List<Commit> write(Path root, String path, List<Commit> newestFirst) throws IOException {
		try (Repository repository = new FileRepositoryBuilder().setGitDir(root.resolve(path + ".git").toFile())
			.setBare()
			.build()) {
			repository.create(true);
			repository.getConfig().setBoolean("uploadpack", null, "allowFilter", true);
			repository.getConfig().save();
			List<Commit> written = new ArrayList<>(newestFirst.size());
			try (ObjectInserter inserter = ((ObjectDirectory) repository.getObjectDatabase()).newPackInserter()) {
				ObjectId parent = null;
				for (int i = newestFirst.size() - 1; i >= 0; i--) {
					Commit commit = newestFirst.get(i);
					ObjectId id = inserter.insert(commitObject(inserter, commit, parent));
					written.add(0, new Commit(id.name(), commit.name(), commit.email(), null, commit.authoredAt(),
							commit.message(), parent == null ? null : parent.name()));
					parent = id;
				}
				inserter.flush();
				RefUpdate main = repository.updateRef("refs/heads/main");
				main.setNewObjectId(parent);
				main.forceUpdate();
			}
			repository.updateRef(Constants.HEAD).link("refs/heads/main");
			return written;
		}
	}

	private static CommitBuilder commitObject(ObjectInserter inserter, Commit commit, ObjectId parent)
			throws IOException {
		TreeFormatter tree = new TreeFormatter();
		tree.append("CHANGES", FileMode.REGULAR_FILE,
				inserter.insert(Constants.OBJ_BLOB, commit.message().getBytes(StandardCharsets.UTF_8)));
		CommitBuilder object = new CommitBuilder();
		object.setTreeId(inserter.insert(tree));
		if (parent != null) {
			object.setParentId(parent);
		}
		object.setAuthor(new PersonIdent(commit.name(), commit.email(), commit.authoredAt(), ZoneOffset.UTC));
		object.setCommitter(new PersonIdent("Stub Committer", "committer@example.org",
				commit.authoredAt().plusSeconds(30), ZoneOffset.UTC));
		object.setMessage(commit.message() + "\n\nA body that is not the headline.\n");
		return object;
	}

}
