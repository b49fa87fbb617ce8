package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.contract.StubForge;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import dev.commitcollector.fetcher.forge.http.RetrySettings;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.util.unit.DataSize;

/**
 * Plain git for the contract: bare repositories in a temporary directory, served over
 * file:// by JGit's own upload-pack, with partial-clone filters allowed. Linear
 * histories, committed when authored. A git remote has no rate limit, HTTP status, answer
 * body or account links to script, and file:// asks for no credentials; requests are not
 * counted (file:// has no place to count them).
 */
final class GitStub implements StubForge {

	static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofSeconds(5), Duration.ofSeconds(60));

	/** The bounds as configured by default. */
	static final GitSettings SETTINGS = new GitSettings(50_000, DataSize.ofMegabytes(512), Duration.ofMinutes(10));

	private final Path root = Files.createTempDirectory("git-stub-");

	private final Map<String, String> served = new ConcurrentHashMap<>();

	private final Map<String, String> mailmaps = new ConcurrentHashMap<>();

	private final GitForge forge;

	GitStub() throws IOException {
		ProviderSettings settings = new ProviderSettings(ForgeType.GIT, remotes().toUri(), null, Duration.ofSeconds(20),
				1);
		this.forge = new GitForge("local-git", settings, RETRY, SETTINGS, new GitWorkDir(work(), Duration.ofMinutes(1)),
				Clock.systemUTC());
	}

	Path remotes() {
		return root.resolve("remotes");
	}

	/** Where the adapter makes its temporary repositories. */
	Path work() {
		return root.resolve("work");
	}

	@Override
	public String path(String name) {
		return "acme/tools/" + name;
	}

	@Override
	public void repository(String path, List<StubCommit> newestFirst) {
		try (BareRepository repository = BareRepository.create(remotes(), path, true)) {
			ObjectId parent = null;
			for (int i = newestFirst.size() - 1; i >= 0; i--) {
				StubCommit commit = newestFirst.get(i);
				ObjectId[] parents = parent == null ? new ObjectId[0] : new ObjectId[] { parent };
				parent = repository.commit(commit.message(), i == 0 ? mailmaps.get(path) : null, commit.authorName(),
						commit.authorEmail(), commit.authoredAt(), commit.authoredAt(), parents);
				served.put(commit.sha(), parent.name());
			}
			repository.head("main", parent);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Committed with the head of the next {@link #repository} at {@code path}. */
	@Override
	public void mailmap(String path, String text) {
		if (text == null) {
			mailmaps.remove(path);
		}
		else {
			mailmaps.put(path, text);
		}
	}

	@Override
	public void failMailmaps() {
		throw new UnsupportedOperationException("git answers no HTTP status");
	}

	@Override
	public void emptyRepository(String path) {
		try (BareRepository repository = BareRepository.create(remotes(), path, true)) {
			// HEAD points at refs/heads/master, which nothing has been pushed to
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String servedSha(StubCommit commit) {
		return served.get(commit.sha());
	}

	@Override
	public void rejectCredentialsOnce() {
		throw new UnsupportedOperationException("file:// asks for no credentials");
	}

	@Override
	public void rateLimitOnce(int seconds) {
		throw new UnsupportedOperationException("git has no rate limit");
	}

	@Override
	public void serverErrorOnce() {
		throw new UnsupportedOperationException("git answers no HTTP status");
	}

	@Override
	public void malformed(int times) {
		throw new UnsupportedOperationException("git has no answer body to break");
	}

	@Override
	public void mistype(String sha) {
		throw new UnsupportedOperationException("git sends objects, not typed JSON fields");
	}

	@Override
	public int requests() {
		return 0;
	}

	@Override
	public boolean supports(Capability capability) {
		return false;
	}

	@Override
	public Forge forge() {
		return forge;
	}

	@Override
	public void close() {
		forge.close();
		FetchedHistory.deleteQuietly(root);
	}

}
