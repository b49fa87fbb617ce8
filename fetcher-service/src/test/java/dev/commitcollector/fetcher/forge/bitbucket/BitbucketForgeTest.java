package dev.commitcollector.fetcher.forge.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.contract.AllPages;
import dev.commitcollector.fetcher.forge.contract.ForgeContract;
import dev.commitcollector.fetcher.forge.contract.StubForge.StubCommit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class BitbucketForgeTest {

	private static final RepositoryPath APP = RepositoryPath.parse("acme/app");

	private final List<StubCommit> history = ForgeContract.history("bitbucket", 250);

	private BitbucketStub bitbucket;

	@BeforeEach
	void startBitbucket() throws IOException {
		bitbucket = new BitbucketStub();
		bitbucket.repository("acme/app", history);
	}

	@AfterEach
	void stopBitbucket() {
		bitbucket.close();
	}

	@Test
	void readsTheMainBranchThenFollowsEachOpaqueNextExactlyAsGiven() {
		List<DiscoveredCommit> commits = AllPages.read(bitbucket.forge(), "acme/app", 1000);

		assertThat(commits).extracting(DiscoveredCommit::sha)
			.containsExactlyElementsOf(history.stream().map(StubCommit::sha).toList());
		List<RecordedRequest> requests = bitbucket.received();
		assertThat(requests).as("the main branch, then one request per page")
			.hasSize(1 + 3)
			.allSatisfy(request -> assertThat(request.getHeaders().get("Authorization"))
				.isEqualTo("Bearer " + BitbucketStub.TOKEN));
		assertThat(requests.get(0).getTarget()).isEqualTo("/2.0/repositories/acme/app");
		assertThat(requests.get(1).getTarget()).isEqualTo("/2.0/repositories/acme/app/commits/main?pagelen=100");
		List<String> nexts = bitbucket.nexts();
		assertThat(requests.subList(2, 4)).extracting(request -> request.getUrl().toString())
			.containsExactlyElementsOf(nexts.subList(nexts.size() - 2, nexts.size()));
	}

	@Test
	void followsTheMainBranchNotTheNewestCommitOfAnyBranch() {
		StubCommit other = BitbucketStub.otherBranch(history);

		CommitPage first = bitbucket.forge().firstPage(APP, 100).block(Duration.ofSeconds(10));
		List<DiscoveredCommit> commits = AllPages.read(bitbucket.forge(), "acme/app", 1000);

		assertThat(other.authoredAt()).isAfter(history.get(0).authoredAt());
		assertThat(first.commits().get(0).sha()).isEqualTo(history.get(0).sha());
		assertThat(commits).extracting(DiscoveredCommit::sha)
			.doesNotContain(other.sha())
			.containsExactlyElementsOf(history.stream().map(StubCommit::sha).toList());
	}

	@Test
	void listsTheMainBranchByItsNameEvenWithASlash() {
		bitbucket.mainBranch("release/2.x");

		List<DiscoveredCommit> commits = AllPages.read(bitbucket.forge(), "acme/app", 1000);

		assertThat(commits).extracting(DiscoveredCommit::sha)
			.containsExactlyElementsOf(history.stream().map(StubCommit::sha).toList());
		assertThat(bitbucket.received().get(1).getTarget())
			.isEqualTo("/2.0/repositories/acme/app/commits/release%2F2.x?pagelen=100");
	}

	@Test
	void aRepositoryWithNoMainBranchIsEmptyWithoutListingCommits() {
		bitbucket.emptyRepository("acme/empty");

		CommitPage page = bitbucket.forge()
			.firstPage(RepositoryPath.parse("acme/empty"), 100)
			.block(Duration.ofSeconds(10));

		assertThat(page.commits()).isEmpty();
		assertThat(page.next()).isEmpty();
		assertThat(bitbucket.received()).extracting(RecordedRequest::getTarget)
			.containsExactly("/2.0/repositories/acme/empty");
	}

	@Test
	void refusesANextOutsideTheConfiguredApi() throws IOException {
		try (MockWebServer elsewhere = new MockWebServer()) {
			elsewhere.start();
			bitbucket.nextPointingTo(elsewhere.url("/"));
			Forge forge = bitbucket.forge();

			CommitPage first = forge.firstPage(APP, 100).block(Duration.ofSeconds(10));

			StepVerifier.create(forge.nextPage(APP, first.next().orElseThrow()))
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.MalformedAnswer.class)
					.hasMessageContaining("outside the configured API"))
				.verify(Duration.ofSeconds(10));
			assertThat(elsewhere.getRequestCount()).isZero();
		}
	}

	@Test
	void refusesANextToAnotherListingOnTheSameApi() {
		bitbucket.nextListing("/2.0/repositories/other/secret/commits/main");
		Forge forge = bitbucket.forge();

		StepVerifier.create(forge.firstPage(APP, 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.MalformedAnswer.class)
				.hasMessageContaining("another listing"))
			.verify(Duration.ofSeconds(10));
		assertThat(bitbucket.received()).extracting(RecordedRequest::getTarget)
			.noneMatch(target -> target.contains("other/secret"));
	}

	@Test
	void followsANextThatSpellsTheSameListingInOtherCase() {
		bitbucket.nextListing("/2.0/repositories/ACME/App/commits/main");
		Forge forge = bitbucket.forge();

		CommitPage first = forge.firstPage(APP, 100).block(Duration.ofSeconds(10));

		assertThat(first.next()).map(PageCursor::value)
			.hasValueSatisfying(next -> assertThat(next).contains("/ACME/App/"));
	}

	@Test
	void keysALinkedAuthorByTheAccountUuidWhenThereIsNoAccountId() {
		String uuid = "{7f3c2a8e-0000-4000-8000-000000000001}";
		Map<String, Object> user = Map.of("type", "user", "nickname", "ada", "uuid", uuid);
		String sha = history.get(0).sha();
		MockResponse page = BitbucketStub.page(sha, Map.of("raw", "Ada <ada@example.org>", "user", user));
		bitbucket.answerNext(BitbucketStub.repository("acme/app", "main"));
		bitbucket.answerNext(page);
		bitbucket.answerNext(page);

		CommitPage read = bitbucket.forge().firstPage(APP, 100).block(Duration.ofSeconds(10));

		assertThat(read.commits()).singleElement()
			.satisfies(commit -> assertThat(commit.author().login()).isEqualTo(uuid));
	}

	@Test
	void waitsTheConfiguredDefaultWhenA429SaysNotHowLong() {
		bitbucket.answerNext(new MockResponse.Builder().code(429).build());

		CommitPage page = bitbucket.forge().firstPage(APP, 100).block(Duration.ofSeconds(30));

		assertThat(page.commits()).hasSize(100);
		assertThat(bitbucket.requests()).isEqualTo(3);
	}

	@Test
	void namesTheRepositoryBitbucketCouldNotFind() {
		StepVerifier.create(bitbucket.forge().firstPage(RepositoryPath.parse("acme/gone"), 100))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForgeFailure.RepositoryNotFound.class)
				.hasMessageContaining("Bitbucket has no repository acme/gone"))
			.verify(Duration.ofSeconds(10));
	}

}
