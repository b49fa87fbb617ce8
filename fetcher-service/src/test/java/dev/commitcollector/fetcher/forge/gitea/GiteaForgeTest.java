package dev.commitcollector.fetcher.forge.gitea;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.forge.contract.AllPages;
import dev.commitcollector.fetcher.forge.contract.ForgeContract;
import dev.commitcollector.fetcher.forge.contract.StubForge.StubCommit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiteaForgeTest {

	private final List<StubCommit> history = ForgeContract.history("gitea", 120);

	private GiteaStub gitea;

	@BeforeEach
	void startGitea() throws IOException {
		gitea = new GiteaStub();
		gitea.repository("acme/app", history);
	}

	@AfterEach
	void stopGitea() {
		gitea.close();
	}

	@Test
	void asksForCheapPagesOfFiftyPinnedToTheHeadWithAGiteaToken() {
		List<DiscoveredCommit> commits = AllPages.read(gitea.forge(), "acme/app", 1000);

		assertThat(commits).extracting(DiscoveredCommit::sha).containsExactlyElementsOf(shas());
		List<RecordedRequest> requests = gitea.received();
		assertThat(requests).hasSize(3).allSatisfy(request -> {
			assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/repos/acme/app/commits");
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("token " + GiteaStub.TOKEN);
		});
		assertThat(requests.get(0).getUrl().queryParameter("sha")).isNull();
		assertThat(requests.subList(1, 3))
			.allSatisfy(request -> assertThat(request.getUrl().queryParameter("sha")).isEqualTo(history.get(0).sha()));
		assertThat(requests).allSatisfy(request -> {
			assertThat(request.getUrl().queryParameter("limit")).isEqualTo("50");
			assertThat(request.getUrl().queryParameter("stat")).isEqualTo("false");
			assertThat(request.getUrl().queryParameter("verification")).isEqualTo("false");
			assertThat(request.getUrl().queryParameter("files")).isEqualTo("false");
		});
	}

	@Test
	void pagesOnXHasMoreWhenThereIsNoLinkHeader() {
		gitea.withoutLinks();

		List<DiscoveredCommit> commits = AllPages.read(gitea.forge(), "acme/app", 50);

		assertThat(commits).extracting(DiscoveredCommit::sha).containsExactlyElementsOf(shas());
		assertThat(gitea.received()).extracting(request -> request.getUrl().queryParameter("page"))
			.containsExactly("1", "2", "3");
	}

	@Test
	void staysWithinTheConfiguredApiWhenGiteasLinksPointElsewhere() throws IOException {
		try (MockWebServer elsewhere = new MockWebServer()) {
			elsewhere.start();
			gitea.linksPointingTo(elsewhere.url("/"));

			List<DiscoveredCommit> commits = AllPages.read(gitea.forge(), "acme/app", 50);

			assertThat(commits).extracting(DiscoveredCommit::sha).containsExactlyElementsOf(shas());
			assertThat(elsewhere.getRequestCount()).isZero();
		}
	}

	@Test
	void readsTheParentsGiteaReports() {
		List<DiscoveredCommit> commits = AllPages.read(gitea.forge(), "acme/app", 50);

		assertThat(commits.get(0).parents()).containsExactly(history.get(1).sha());
		assertThat(commits.get(119).parents()).isEmpty();
	}

	private List<String> shas() {
		return history.stream().map(StubCommit::sha).toList();
	}

}
