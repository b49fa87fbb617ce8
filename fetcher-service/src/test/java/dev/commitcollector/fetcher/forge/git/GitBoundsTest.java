package dev.commitcollector.fetcher.forge.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import reactor.test.StepVerifier;

/**
 * What a plain-git fetch may cost the fetcher: depth, pack size, redirects, disk left
 * behind.
 */
class GitBoundsTest {

	private static final Duration WITHIN = Duration.ofSeconds(30);

	@TempDir
	Path root;

	private final List<GitForge> forges = new ArrayList<>();

	@AfterEach
	void closeForges() {
		forges.forEach(GitForge::close);
	}

	@Test
	void readsNoDeeperThanItsOwnDepthCapWhateverTheLimit() throws IOException {
		linear("acme/deep", 120);
		GitForge forge = forge(remotes().toUri().toString(),
				new GitSettings(50, DataSize.ofMegabytes(512), Duration.ofMinutes(10)));

		CommitPage page = forge.firstPage(path("acme/deep"), 1000).block(WITHIN);

		assertThat(page.commits()).hasSize(50);
		assertThat(page.next()).isEmpty();
	}

	@Test
	void stopsAFetchWhosePackOutgrowsTheBoundAndSaysWhich() throws IOException {
		linear("acme/big", 300);
		GitForge forge = forge(remotes().toUri().toString(),
				new GitSettings(50_000, DataSize.ofBytes(1), Duration.ofMinutes(10)));

		StepVerifier.create(forge.firstPage(path("acme/big"), 300))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
				.hasMessageContaining("forges.git.max-pack-size"))
			.verify(WITHIN);
		assertThat(Files.list(work()).toList()).isEmpty();
	}

	@Test
	void neverFollowsARedirectToAnotherHost() throws IOException {
		try (MockWebServer server = new MockWebServer(); MockWebServer elsewhere = new MockWebServer()) {
			server.start();
			elsewhere.start();
			server.enqueue(new MockResponse.Builder().code(301)
				.addHeader("Location", elsewhere.url("/acme/moved.git/info/refs?service=git-upload-pack"))
				.build());
			String base = server.url("/").toString().replaceAll("/$", "");
			GitForge forge = forge(base, GitStub.SETTINGS);

			StepVerifier.create(forge.firstPage(path("acme/moved"), 100))
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Rejected.class)
					.hasMessageContaining("redirects are not followed"))
				.verify(WITHIN);
			assertThat(elsewhere.getRequestCount()).isZero();
		}
	}

	@Test
	void abandonsAServerThatTricklesItsAnswerPastTheFetchDeadline() throws IOException {
		try (MockWebServer server = new MockWebServer()) {
			server.setDispatcher(new Dispatcher() {
				@Override
				public MockResponse dispatch(RecordedRequest request) {
					return new MockResponse.Builder().code(200)
						.addHeader("Content-Type", "application/x-git-upload-pack-advertisement")
						.body(GitHttpConnectionsTest.advertisement(200))
						.throttleBody(64, 100, TimeUnit.MILLISECONDS)
						.build();
				}
			});
			server.start();
			String base = server.url("/").toString().replaceAll("/$", "");
			GitForge forge = forge(base, new GitSettings(50_000, DataSize.ofMegabytes(512), Duration.ofSeconds(1)));

			StepVerifier.create(forge.firstPage(path("acme/trickle"), 100))
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.Unavailable.class)
					.hasMessageContaining("had not finished answering by the fetch's deadline")
					.hasMessageContaining("FORGES_GIT_FETCHDEADLINE"))
				.verify(WITHIN);
			assertThat(server.getRequestCount()).isEqualTo(1 + GitStub.RETRY.maxRetries());
		}
	}

	@Test
	void clearsTheFoldersAKilledFetcherLeftButNotALiveFetchsOnStart() throws IOException {
		Path leftover = Files.createDirectories(work().resolve("git-fetch-123/objects"));
		Path live = Files.createDirectories(work().resolve("git-fetch-456/objects"));
		Files.writeString(leftover.resolve("pack"), "x");
		FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
		for (Path path : List.of(leftover.resolve("pack"), leftover, leftover.getParent())) {
			Files.setLastModifiedTime(path, longAgo);
		}

		GitWorkDir.clearedOfLeftovers(work(), Clock.systemUTC());

		assertThat(work().resolve("git-fetch-123")).doesNotExist();
		assertThat(live).exists();
	}

	@Test
	void keepsTheFolderOfAFetchStillPagingHoweverLongAgoItsPackWasWritten() throws IOException {
		linear("acme/slow", 250);
		GitWorkDir own = GitWorkDir.clearedOfLeftovers(work(), Clock.systemUTC());
		GitForge forge = forge(remotes().toUri().toString(), GitStub.SETTINGS, own);
		CommitPage first = forge.firstPage(path("acme/slow"), 250).block(WITHIN);
		Path folder;
		try (Stream<Path> fetches = Files.list(own.path())) {
			folder = fetches.filter(f -> f.getFileName().toString().startsWith("git-fetch-")).findFirst().orElseThrow();
		}
		// reading a pack changes no file: a fetch paging for hours writes nothing
		FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.toList()) {
				Files.setLastModifiedTime(file, longAgo);
			}
		}

		CommitPage second = forge.nextPage(path("acme/slow"), first.next().orElseThrow()).block(WITHIN);
		GitWorkDir.clearedOfLeftovers(work(), Clock.systemUTC());

		assertThat(folder).exists();
		assertThat(forge.nextPage(path("acme/slow"), second.next().orElseThrow()).block(WITHIN).commits()).hasSize(50);
	}

	private GitForge forge(String apiUrl, GitSettings git) {
		return forge(apiUrl, git, new GitWorkDir(work(), Duration.ofMinutes(1)));
	}

	private GitForge forge(String apiUrl, GitSettings git, GitWorkDir workDir) {
		ProviderSettings settings = new ProviderSettings(ForgeType.GIT, URI.create(apiUrl), null,
				Duration.ofSeconds(20), 1);
		GitForge forge = new GitForge("local-git", settings, GitStub.RETRY, git, workDir, Clock.systemUTC());
		forges.add(forge);
		return forge;
	}

	private void linear(String path, int count) throws IOException {
		Instant newest = Instant.parse("2025-06-01T00:00:00Z");
		try (BareRepository remote = BareRepository.create(remotes(), path, true)) {
			ObjectId parent = null;
			for (int i = count - 1; i >= 0; i--) {
				Instant at = newest.minusSeconds(3600L * i);
				parent = parent == null ? remote.commit("Change " + i, "Author", "a@example.org", at, at)
						: remote.commit("Change " + i, "Author", "a@example.org", at, at, parent);
			}
			remote.head("main", parent);
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
