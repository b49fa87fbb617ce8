package dev.commitcollector.fetcher.forge.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A commit git cannot read a date or an identity from is set aside and counted; the
 * commits around it are read, in every page.
 */
class GitUnreadableCommitsTest {

	private static final Instant NEWEST = Instant.parse("2025-06-01T00:00:00Z");

	private static final Duration WITHIN = Duration.ofSeconds(30);

	@TempDir
	Path root;

	private GitForge forge;

	@AfterEach
	void closeForge() {
		if (forge != null) {
			forge.close();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "author Missing Time <time@example.org>", "author No Zone <zone@example.org> 1700002200",
			"author Unclosed <unclosed@example.org 1600090000 +0000",
			"author Huge <huge@example.org> 99999999999999999999 +0000",
			"author Year Ten Thousand <far@example.org> 253402300800 +0000", "" })
	void setsAsideACommitWhoseAuthorGitCannotReadAndReadsEveryOtherOne(String authorLine) throws IOException {
		List<ObjectId> good = new ArrayList<>();
		ObjectId bad;
		try (BareRepository remote = BareRepository.create(root.resolve("remotes"), "acme/odd", true)) {
			ObjectId parent = null;
			for (int i = 0; i < 150; i++) {
				Instant at = NEWEST.minusSeconds(3600L * (300 - i));
				parent = parent == null ? remote.commit("Change " + i, "Ada", "ada@example.org", at, at)
						: remote.commit("Change " + i, "Ada", "ada@example.org", at, at, parent);
				good.add(0, parent);
			}
			bad = remote.rawCommit((authorLine.isEmpty() ? "" : authorLine + "\n")
					+ "committer Ada <ada@example.org> 1748700000 +0000", parent);
			parent = bad;
			for (int i = 150; i < 300; i++) {
				Instant at = NEWEST.minusSeconds(3600L * (300 - i)).plusSeconds(86400L * 365);
				parent = remote.commit("Change " + i, "Ada", "ada@example.org", at, at, parent);
				good.add(0, parent);
			}
			remote.head("main", parent);
		}

		List<CommitPage> pages = pages("acme/odd", 1000);

		assertThat(pages.stream().flatMap(page -> page.commits().stream()).map(DiscoveredCommit::sha))
			.containsExactlyInAnyOrderElementsOf(good.stream().map(ObjectId::name).toList())
			.doesNotContain(bad.name());
		assertThat(pages.stream().mapToInt(CommitPage::unreadable).sum()).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "+530", "-05300", "+0" })
	void readsACommitWhoseZoneIsNotFourDigitsAsGitDoes(String zone) throws IOException {
		try (BareRepository remote = BareRepository.create(root.resolve("remotes"), "acme/zones", true)) {
			ObjectId first = remote.commit("First", "Ada", "ada@example.org", NEWEST, NEWEST);
			remote.head("main", remote.rawCommit("author Odd <odd@example.org> 1700000000 " + zone
					+ "\ncommitter Ada <ada@example.org> 1748700000 +0000", first));
		}

		List<CommitPage> pages = pages("acme/zones", 10);

		assertThat(pages.get(0).commits()).first()
			.satisfies(commit -> assertThat(commit.authoredAt()).isEqualTo(Instant.ofEpochSecond(1700000000)));
		assertThat(pages.stream().mapToInt(CommitPage::unreadable).sum()).isZero();
	}

	@Test
	void readsACommitDatedTheLastSecondOfYear9999() throws IOException {
		try (BareRepository remote = BareRepository.create(root.resolve("remotes"), "acme/late", true)) {
			ObjectId first = remote.commit("First", "Ada", "ada@example.org", NEWEST, NEWEST);
			remote.head("main", remote.rawCommit(
					"author Last <last@example.org> 253402300799 +0000\ncommitter Ada <ada@example.org> 1748700000 +0000",
					first));
		}

		List<CommitPage> pages = pages("acme/late", 10);

		assertThat(pages.get(0).commits()).first()
			.satisfies(commit -> assertThat(commit.authoredAt()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z")));
		assertThat(pages.stream().mapToInt(CommitPage::unreadable).sum()).isZero();
	}

	private List<CommitPage> pages(String path, int limit) {
		ProviderSettings settings = new ProviderSettings(ForgeType.GIT, root.resolve("remotes").toUri(), null,
				Duration.ofSeconds(20), 1);
		forge = new GitForge("local-git", settings, GitStub.RETRY, GitStub.SETTINGS,
				new GitWorkDir(root.resolve("work"), Duration.ofMinutes(1)), Clock.systemUTC());
		List<CommitPage> pages = new ArrayList<>();
		CommitPage page = forge.firstPage(ForgeType.GIT.parsePath(path), limit).block(WITHIN);
		pages.add(page);
		while (page.next().isPresent()) {
			page = forge.nextPage(ForgeType.GIT.parsePath(path), page.next().get()).block(WITHIN);
			pages.add(page);
		}
		return pages;
	}

}
