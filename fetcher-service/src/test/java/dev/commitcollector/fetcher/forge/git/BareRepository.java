package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

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
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A bare repository on disk, written with JGit, as a git host keeps it and serves it over
 * file://.
 */
final class BareRepository implements AutoCloseable {

	static final PersonIdent COMMITTER = new PersonIdent("Stub Committer", "committer@example.org");

	private final Repository repository;

	/**
	 * One pack for all objects written until the next {@link #head}: loose objects are
	 * slow to write.
	 */
	private final ObjectInserter inserter;

	private BareRepository(Repository repository) {
		this.repository = repository;
		this.inserter = ((ObjectDirectory) repository.getObjectDatabase()).newPackInserter();
	}

	/**
	 * {@code {remotes}/{path}.git}; {@code allowFilters} lets clients ask for commits
	 * only (uploadpack.allowFilter).
	 */
	static BareRepository create(Path remotes, String path, boolean allowFilters) throws IOException {
		Repository repository = new FileRepositoryBuilder().setGitDir(remotes.resolve(path + ".git").toFile())
			.setBare()
			.build();
		repository.create(true);
		BareRepository created = new BareRepository(repository);
		created.allowFilters(allowFilters);
		return created;
	}

	/**
	 * Lets clients ask for commits only, or not (uploadpack.allowFilter), as the server's
	 * operator may change it.
	 */
	void allowFilters(boolean allowFilters) throws IOException {
		repository.getConfig().setBoolean("uploadpack", null, "allowFilter", allowFilters);
		// as hosts that offer partial clones do: a blob may be asked for by id
		repository.getConfig().setBoolean("uploadpack", null, "allowAnySHA1InWant", allowFilters);
		repository.getConfig().save();
	}

	static BareRepository open(Path remotes, String path) throws IOException {
		return new BareRepository(
				new FileRepositoryBuilder().setGitDir(remotes.resolve(path + ".git").toFile()).setBare().build());
	}

	/**
	 * A commit of one file holding its message, authored and committed at the given
	 * times.
	 */
	ObjectId commit(String message, String name, String email, Instant authored, Instant committed, ObjectId... parents)
			throws IOException {
		return commit(message, null, name, email, authored, committed, parents);
	}

	/** A commit as above whose tree holds {@code mailmap} as {@code .mailmap} as well. */
	ObjectId commit(String message, String mailmap, String name, String email, Instant authored, Instant committed,
			ObjectId... parents) throws IOException {
		TreeFormatter tree = new TreeFormatter();
		if (mailmap != null) {
			// entries in git's order: '.' sorts before letters
			tree.append(".mailmap", FileMode.REGULAR_FILE,
					inserter.insert(Constants.OBJ_BLOB, mailmap.getBytes(StandardCharsets.UTF_8)));
		}
		tree.append("CHANGES", FileMode.REGULAR_FILE,
				inserter.insert(Constants.OBJ_BLOB, message.getBytes(StandardCharsets.UTF_8)));
		CommitBuilder commit = new CommitBuilder();
		commit.setTreeId(inserter.insert(tree));
		commit.setParentIds(parents);
		commit.setAuthor(new PersonIdent(name, email, authored, ZoneOffset.UTC));
		commit.setCommitter(new PersonIdent(COMMITTER, committed, ZoneOffset.UTC));
		commit.setMessage(message);
		return inserter.insert(commit);
	}

	/**
	 * A commit object written as given, as a broken tool or a hostile remote might:
	 * {@code identities} are its lines between the parent and the message, such as
	 * {@code author Ada <ada@example.org> 1700000000 +0000}, unchecked.
	 */
	ObjectId rawCommit(String identities, ObjectId parent) throws IOException {
		TreeFormatter tree = new TreeFormatter();
		tree.append("CHANGES", FileMode.REGULAR_FILE,
				inserter.insert(Constants.OBJ_BLOB, identities.getBytes(StandardCharsets.UTF_8)));
		String object = "tree " + inserter.insert(tree).name() + "\nparent " + parent.name() + "\n" + identities
				+ "\n\nHand-written\n";
		return inserter.insert(Constants.OBJ_COMMIT, object.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Points {@code branch} at {@code head} and HEAD at {@code branch}, as a push to the
	 * default branch does.
	 */
	void head(String branch, ObjectId head) throws IOException {
		inserter.flush();
		RefUpdate update = repository.updateRef("refs/heads/" + branch);
		update.setNewObjectId(head);
		update.forceUpdate();
		repository.updateRef(Constants.HEAD).link("refs/heads/" + branch);
	}

	void deleteBranch(String branch) throws IOException {
		RefUpdate delete = repository.updateRef("refs/heads/" + branch);
		delete.setForceUpdate(true);
		delete.delete();
	}

	/** Points {@code branch} at {@code head}, HEAD left where it is. */
	void branch(String branch, ObjectId head) throws IOException {
		inserter.flush();
		RefUpdate update = repository.updateRef("refs/heads/" + branch);
		update.setNewObjectId(head);
		update.forceUpdate();
	}

	/**
	 * Points HEAD at a branch that does not exist, as an old {@code git init --bare} does
	 * when main is pushed.
	 */
	void unbornHead(String branch) throws IOException {
		repository.updateRef(Constants.HEAD).link("refs/heads/" + branch);
	}

	ObjectId treeOf(ObjectId commit) throws IOException {
		inserter.flush();
		try (RevWalk walk = new RevWalk(repository)) {
			return walk.parseCommit(commit).getTree().getId();
		}
	}

	@Override
	public void close() {
		inserter.close();
		repository.close();
	}

}
