package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StartBannerTest {

	@Test
	void namesEveryBuiltInForgeAtItsDefaultAddress() {
		assertThat(LocalStack.forges(Map.of())).containsExactly("bitbucket  https://api.bitbucket.org",
				"codeberg   https://codeberg.org/api/v1", "github     https://api.github.com",
				"gitlab     https://gitlab.com/api/v4");
	}

	@Test
	void namesTheAddressesTheEnvironmentMovesAndTheProvidersItAdds() {
		Map<String, String> environment = Map.of("GITHUB_API_URL", "https://github.example.com/api/v3",
				"FORGES_PROVIDERS_MIRRORS_APIURL", "file:///srv/git", "FORGES_PROVIDERS_MIRRORS_TYPE", "git",
				"GITHUB_TOKEN", "not shown");

		assertThat(LocalStack.forges(environment))
			.contains("github     https://github.example.com/api/v3", "mirrors    file:///srv/git")
			.hasSize(5)
			.noneMatch(line -> line.contains("not shown"));
	}

}
