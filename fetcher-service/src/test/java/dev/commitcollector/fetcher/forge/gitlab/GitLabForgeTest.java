package dev.commitcollector.fetcher.forge.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.contract.AllPages;
import dev.commitcollector.fetcher.forge.contract.ForgeContract;
import dev.commitcollector.fetcher.forge.contract.StubForge.StubCommit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class GitLabForgeTest {

	private static final String PROJECT = "acme/platform/app";

	private final List<StubCommit> history = ForgeContract.history("gitlab", 250);

	private GitLabStub gitlab;

	@BeforeEach
	void startGitLab() throws IOException {
		gitlab = new GitLabStub();
		gitlab.repository(PROJECT, history);
	}

	@AfterEach
	void stopGitLab() {
		gitlab.close();
	}

	@Test
	void namesANestedProjectByItsPathEncodedAsOneSegmentOnEveryPage() {
		List<DiscoveredCommit> commits = AllPages.read(gitlab.forge(), PROJECT, 1000);

		assertThat(commits).extracting(DiscoveredCommit::sha).containsExactlyElementsOf(shas());
		List<RecordedRequest> requests = gitlab.received();
		assertThat(requests).hasSize(3).allSatisfy(request -> {
			assertThat(request.getTarget()).startsWith("/api/v4/projects/acme%2Fplatform%2Fapp/repository/commits?");
			assertThat(request.getHeaders().get("PRIVATE-TOKEN")).isEqualTo(GitLabStub.TOKEN);
		});
		assertThat(requests.get(0).getUrl().queryParameter("per_page")).isEqualTo("100");
		assertThat(requests.get(0).getUrl().queryParameter("ref_name")).isNull();
		assertThat(requests.subList(1, 3)).allSatisfy(request -> {
			assertThat(request.getUrl().queryParameter("ref_name")).isEqualTo(history.get(0).sha());
			assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("100");
		});
	}

	@Test
	void pagesOnXNextPageWhenThereIsNoLinkHeader() {
		gitlab.withoutLinks();

		List<DiscoveredCommit> commits = AllPages.read(gitlab.forge(), PROJECT, 100);

		assertThat(commits).extracting(DiscoveredCommit::sha).containsExactlyElementsOf(shas());
		assertThat(gitlab.received()).extracting(request -> request.getUrl().queryParameter("page"))
			.containsExactly(null, "2", "3");
		assertThat(gitlab.received())
			.allSatisfy(request -> assertThat(request.getTarget()).contains("/projects/acme%2Fplatform%2Fapp/"));
	}

	@Test
	void keepsTheAuthorDateApartFromTheCommitterDateAndReadsTheParents() {
		DiscoveredCommit newest = AllPages.read(gitlab.forge(), PROJECT, 100).get(0);

		assertThat(newest.authoredAt()).isEqualTo(history.get(0).authoredAt());
		assertThat(newest.committedAt()).isEqualTo(history.get(0).authoredAt().plusSeconds(90));
		assertThat(newest.parents()).containsExactly(history.get(1).sha());
		assertThat(newest.author().login()).isNull();
	}

	@Test
	void readsAProjectWhoseRepositoryWasNeverCreatedAsEmpty() {
		gitlab.answerNext(GitLabStub.message(404, "404 Repository Not Found"));

		StepVerifier.create(gitlab.forge().firstPage(RepositoryPath.parse(PROJECT, 20), 100))
			.assertNext(page -> assertThat(page.commits()).isEmpty())
			.verifyComplete();
	}

	@Test
	void waitsTheConfiguredDefaultWhenA429SaysNotHowLong() {
		gitlab.answerNext(new MockResponse.Builder().code(429).body("Retry later\n").build());

		CommitPage page = gitlab.forge()
			.firstPage(RepositoryPath.parse(PROJECT, 20), 100)
			.block(Duration.ofSeconds(30));

		assertThat(page.commits()).hasSize(100);
		assertThat(gitlab.requests()).isEqualTo(2);
	}

	private List<String> shas() {
		return history.stream().map(StubCommit::sha).toList();
	}

}
