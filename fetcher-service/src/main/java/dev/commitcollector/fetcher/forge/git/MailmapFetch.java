package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.eclipse.jgit.errors.PackProtocolException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FilterSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads the {@code .mailmap} of one commit from a remote without its history or its other
 * files, into a temporary repository deleted afterwards. The history's own fetch asks for
 * commits only ({@code tree:0}), so the file is not there: a first fetch asks for the
 * commit with its root tree alone ({@code --depth=1 --filter=tree:1}); when that tree
 * names a {@code .mailmap}, a second asks for that one blob by id, with nothing to offer
 * in return (so the server cannot think it is had already). Wanting a blob by id needs a
 * server that allows it ({@code uploadpack.allowAnySHA1InWant}, as the hosts that offer
 * partial clones do); one that refuses fails the read. A remote that offers no filters at
 * all would send the whole tree of the commit: its mailmap is not read.
 */
final class MailmapFetch {

	private static final String MAILMAP = ".mailmap";

	private static final FilterSpec ROOT_TREE_ONLY = rootTreeOnly();

	private final GitRemote remote;

	private final Path workDir;

	private final long maxPackBytes;

	MailmapFetch(GitRemote remote, Path workDir, long maxPackBytes) {
		this.remote = remote;
		this.workDir = workDir;
		this.maxPackBytes = maxPackBytes;
	}

	/** The mailmap of {@code repository} at {@code sha}. Blocking. */
	Mailmap read(RepositoryPath repository, String sha) throws IOException {
		Files.createDirectories(workDir);
		Path directory = Files.createTempDirectory(workDir, "git-mailmap-");
		try (Repository local = TemporaryRepository.createAt(directory)) {
			ObjectId commit = ObjectId.fromString(sha);
			fetch(local, repository, commit, ROOT_TREE_ONLY, 1);
			Optional<ObjectId> blob = mailmapIn(local, commit);
			if (blob.isEmpty()) {
				return Mailmap.NONE;
			}
			// no ref points at the commit: the blob's fetch offers nothing it has
			fetch(local, repository, blob.get(), FilterSpec.NO_FILTER, 0);
			ObjectLoader loader = local.open(blob.get(), Constants.OBJ_BLOB);
			return loader.getSize() > Mailmap.MAX_BYTES ? Mailmap.tooLarge() : Mailmap.of(loader.getCachedBytes());
		}
		finally {
			FetchedHistory.deleteQuietly(directory);
		}
	}

	private void fetch(Repository local, RepositoryPath repository, ObjectId wanted, FilterSpec filter, int depth)
			throws IOException {
		PackSizeGuard guard = new PackSizeGuard(local.getDirectory().toPath(), maxPackBytes);
		try (Transport transport = Transport.open(local, remote.of(repository))) {
			remote.configure(transport);
			transport.setFilterSpec(filter);
			if (depth > 0) {
				transport.setDepth(depth);
			}
			transport.fetch(guard, List.of(new RefSpec(wanted.name())));
		}
		if (guard.exceeded()) {
			throw new ForgeFailure.Rejected("the git fetch of the .mailmap of " + repository
					+ " outgrew forges.git.max-pack-size (" + maxPackBytes + " bytes)");
		}
	}

	/** The blob of the commit's {@code .mailmap}, a regular file at the root. */
	private static Optional<ObjectId> mailmapIn(Repository local, ObjectId commit) throws IOException {
		try (RevWalk walk = new RevWalk(local)) {
			ObjectId tree = walk.parseCommit(commit).getTree();
			try (TreeWalk file = TreeWalk.forPath(local, MAILMAP, tree)) {
				if (file == null || (file.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
					return Optional.empty();
				}
				return Optional.of(file.getObjectId(0));
			}
		}
	}

	private static FilterSpec rootTreeOnly() {
		try {
			return FilterSpec.fromFilterLine("tree:1");
		}
		catch (PackProtocolException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
