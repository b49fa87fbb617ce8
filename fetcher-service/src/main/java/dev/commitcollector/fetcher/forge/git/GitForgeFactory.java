package dev.commitcollector.fetcher.forge.git;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.ForgeFactory;
import dev.commitcollector.fetcher.forge.ProviderSettings;
import dev.commitcollector.fetcher.forge.RetrySettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Any git host, by the base its remote URLs share. Temporary repositories go under
 * {@code java.io.tmpdir}; what a fetcher that crashed left there is deleted when the next
 * one starts.
 */
@Component
class GitForgeFactory implements ForgeFactory, DisposableBean {

	/**
	 * How long a fetched history waits for its next page to be asked for before it is
	 * deleted.
	 */
	static final Duration IDLE = Duration.ofMinutes(10);

	private final RetrySettings retry;

	private final Clock clock;

	private final GitSettings git;

	private final Path workDir;

	private final List<GitForge> created = new CopyOnWriteArrayList<>();

	@Autowired
	GitForgeFactory(RetrySettings retry, Clock clock, GitSettings git) {
		this(retry, clock, git, Path.of(System.getProperty("java.io.tmpdir"), "commit-collector-git"));
	}

	GitForgeFactory(RetrySettings retry, Clock clock, GitSettings git, Path workDir) {
		this.retry = retry;
		this.clock = clock;
		this.git = git;
		this.workDir = workDir;
		LeftoverFetches.clear(workDir, IDLE, clock);
	}

	@Override
	public ForgeType type() {
		return ForgeType.GIT;
	}

	@Override
	public Forge create(String provider, ProviderSettings settings) {
		GitForge forge = new GitForge(provider, settings, retry, clock, workDir, IDLE, git);
		created.add(forge);
		return forge;
	}

	@Override
	public void destroy() {
		created.forEach(GitForge::close);
	}

}
