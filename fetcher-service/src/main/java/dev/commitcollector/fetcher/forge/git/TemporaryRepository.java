package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A bare repository created for one fetch and deleted after it: it follows no redirect (a
 * redirect could lead anywhere, the token along) and is never garbage-collected, which
 * would race with its deletion.
 */
final class TemporaryRepository {

	private TemporaryRepository() {
	}

	static Repository createAt(Path directory) throws IOException {
		Repository local = new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build();
		try {
			local.create(true);
			local.getConfig().setString("http", null, "followRedirects", "false");
			// gc.auto=0 alone is not enough: a detached auto-gc locks gc.log before it
			// looks, in the background, while the repository may be being deleted
			local.getConfig().setInt("gc", null, "auto", 0);
			local.getConfig().setBoolean("gc", null, "autoDetach", false);
			local.getConfig().setBoolean("receive", null, "autogc", false);
			return local;
		}
		catch (IOException | RuntimeException ex) {
			local.close();
			throw ex;
		}
	}

}
