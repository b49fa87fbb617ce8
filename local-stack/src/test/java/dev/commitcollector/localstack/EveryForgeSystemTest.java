package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.commitcollector.localstack.SyntheticHistory.Commit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The three service jars as processes against every kind of forge the fetcher reads: a
 * stub of each forge's API in its own shapes, GitHub Enterprise and plain git configured
 * by environment variables alone. Each fetch must leave exactly the newest commits in the
 * query API, grouped by the identity rule as that forge shows the authors.
 */
class EveryForgeSystemTest {

	private static final int COMMITS = 250;

	private static final int AUTHORS = 8;

	/**
	 * Below the history's length and above every forge's page size, so the fetcher pages
	 * and stops.
	 */
	private static final int LIMIT = 200;

	@TempDir
	static Path gitRoot;

	private static StubGitHub github;

	private static StubGitHub enterprise;

	private static StubGitLab gitlab;

	private static StubBitbucket bitbucket;

	private static StubGitea gitea;

	private static List<Commit> gitHistory;

	private static LocalStack stack;

	private static StackClient client;

	@BeforeAll
	static void start() throws Exception {
		github = new StubGitHub();
		enterprise = StubGitHub.enterprise();
		gitlab = new StubGitLab();
		bitbucket = new StubBitbucket();
		gitea = new StubGitea();
		for (StubForge forge : List.of(github, enterprise, bitbucket, gitea)) {
			forge.add("acme/widgets", COMMITS, AUTHORS, Duration.ZERO);
		}
		github.add("acme/unchanged", COMMITS, AUTHORS, Duration.ZERO);
		gitlab.add("acme/platform/widgets", COMMITS, AUTHORS, Duration.ZERO);
		gitHistory = BareGitRepository.write(gitRoot, "acme/widgets",
				SyntheticHistory.of("git:acme/widgets", COMMITS, AUTHORS));
		stack = LocalStack.start(LocalStack.home(), StackClient.freePorts(),
				Map.of("GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", "", "FORGES_PROVIDERS_GHE_TYPE", "github",
						"FORGES_PROVIDERS_GHE_APIURL", enterprise.apiUrl(), "GITLAB_API_URL", gitlab.apiUrl(),
						"BITBUCKET_API_URL", bitbucket.apiUrl(), "CODEBERG_API_URL", gitea.apiUrl(),
						"FORGES_PROVIDERS_LOCALGIT_TYPE", "git", "FORGES_PROVIDERS_LOCALGIT_APIURL",
						gitRoot.toUri().toString()));
		client = new StackClient(stack);
	}

	@AfterAll
	static void stop() throws Exception {
		if (stack != null) {
			stack.close();
		}
		for (StubForge forge : java.util.Arrays.asList(github, enterprise, gitlab, bitbucket, gitea)) {
			if (forge != null) {
				forge.close();
			}
		}
	}

	@Test
	void groupsGitHubAuthorsByLoginElseByEmail() throws Exception {
		assertFetchedTheNewestGroupedByIdentity("github", "acme/widgets", github);

		assertThat(github.userAgents()).as("the product and the jar's version")
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.matches("commit-collector/\\d+\\.\\d+\\.\\d+\\S*");
	}

	@Test
	void readsAGitHubEnterpriseConfiguredByEnvironmentAloneBelowApiV3() throws Exception {
		assertFetchedTheNewestGroupedByIdentity("ghe", "acme/widgets", enterprise);

		assertThat(enterprise.targets()).isNotEmpty()
			.allMatch(target -> target.startsWith("/api/v3/repos/acme/widgets/commits?")
					|| target.startsWith("/api/v3/repos/acme/widgets/contents/.mailmap?"));
	}

	@Test
	void asksGitLabForANestedProjectAsOneEncodedSegmentAndGroupsByEmail() throws Exception {
		assertFetchedTheNewestGroupedByIdentity("gitlab", "acme/platform/widgets", gitlab);

		assertThat(gitlab.targets()).hasSizeGreaterThanOrEqualTo(2)
			.allMatch(target -> target.startsWith("/api/v4/projects/acme%2Fplatform%2Fwidgets/repository/commits?")
					|| target.startsWith("/api/v4/projects/acme%2Fplatform%2Fwidgets/repository/files/.mailmap/raw?"));
	}

	@Test
	void groupsBitbucketAuthorsByTheirAccountElseByEmail() throws Exception {
		assertFetchedTheNewestGroupedByIdentity("bitbucket", "acme/widgets", bitbucket);
	}

	@Test
	void groupsGiteaAuthorsOfTheCodebergProviderByLoginElseByEmail() throws Exception {
		assertFetchedTheNewestGroupedByIdentity("codeberg", "acme/widgets", gitea);
	}

	@Test
	void readsPlainGitFromABareRepositoryAndGroupsByEmailWhateverItsCase() throws Exception {
		assertFetchedTheNewestGroupedByIdentity("localgit", "acme/widgets", gitHistory,
				commit -> SyntheticHistory.authorKey(null, commit.email()));
	}

	@Test
	void fetchingAnUnchangedRepositoryAgainDiscoversNothingAndKeepsItsCommits() throws Exception {
		assertFetchedTheNewestGroupedByIdentity("github", "acme/unchanged", github);

		JsonNode again = client.awaitCompleted(client.fetch("github", "acme/unchanged", LIMIT));
		client.awaitStored();

		assertThat(again.get("commitsDiscovered").asLong()).as(again.toString()).isZero();
		assertShowsTheNewestGroupedByIdentity("github", "acme/unchanged", github.repository("acme/unchanged").commits(),
				github::authorKey);
	}

	@Test
	void refusesAnUnknownProviderNamingEveryConfiguredOne() throws Exception {
		HttpResponse<String> response = client.postFetch("sourcehut", "acme/widgets", LIMIT);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(client.read(response.body()).get("detail").asString()).contains("sourcehut")
			.contains("bitbucket", "codeberg", "ghe", "github", "gitlab", "localgit");
	}

	private static void assertFetchedTheNewestGroupedByIdentity(String provider, String repository, StubForge forge)
			throws Exception {
		assertFetchedTheNewestGroupedByIdentity(provider, repository, forge.repository(repository).commits(),
				forge::authorKey);
	}

	private static void assertFetchedTheNewestGroupedByIdentity(String provider, String repository,
			List<Commit> history, Function<Commit, String> authorKey) throws Exception {
		JsonNode fetch = client.awaitCompleted(client.fetch(provider, repository, LIMIT));
		client.awaitStored();

		assertThat(fetch.get("commitsDiscovered").asLong()).as(fetch.toString()).isEqualTo(LIMIT);
		assertShowsTheNewestGroupedByIdentity(provider, repository, history, authorKey);
	}

	/**
	 * The query API shows the {@link #LIMIT} newest commits of {@code history}, each
	 * once, grouped by {@code authorKey}.
	 */
	private static void assertShowsTheNewestGroupedByIdentity(String provider, String repository, List<Commit> history,
			Function<Commit, String> authorKey) throws Exception {
		List<Commit> newest = history.subList(0, LIMIT);
		JsonNode shown = client.authors(provider, repository, 500, 0);
		Map<String, List<String>> shasByAuthor = new HashMap<>();
		Map<String, Set<String>> namesByAuthor = new HashMap<>();
		List<String> allShas = new ArrayList<>();
		for (JsonNode author : shown.get("authors")) {
			List<String> shas = new ArrayList<>();
			author.get("commits").forEach(commit -> shas.add(commit.get("sha").asString()));
			Set<String> names = new TreeSet<>();
			author.get("names").forEach(name -> names.add(name.asString()));
			shasByAuthor.put(author.get("key").asString(), shas);
			namesByAuthor.put(author.get("key").asString(), names);
			allShas.addAll(shas);
		}

		assertThat(shown.get("totalCommits").asLong()).isEqualTo(LIMIT);
		assertThat(allShas).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(newest.stream().map(Commit::sha).toList());
		// each author's commits newest first, as the history has them
		assertThat(shasByAuthor).isEqualTo(SyntheticHistory.shasByAuthor(newest, authorKey));
		assertThat(namesByAuthor).isEqualTo(SyntheticHistory.namesByAuthor(newest, authorKey));
	}

}
