package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CommitLinksTest {

	private final CommitLinks links = new CommitLinks(Map.of("github", "https://github.com/{repository}/commit/{sha}",
			"twice", "https://x/{sha}/{repository}?of={sha}", "blank", " "));

	@Test
	void fillsTheRepositoryAndEveryShaOfTheProvidersTemplate() {
		assertThat(links.of("github", "git/git").urlOf("abc")).isEqualTo("https://github.com/git/git/commit/abc");
		assertThat(links.of("twice", "a/b").urlOf("abc")).isEqualTo("https://x/abc/a/b?of=abc");
	}

	@Test
	void putsTheShaInAsItIsEvenWhereItLooksLikeAPlaceholder() {
		assertThat(links.of("github", "a/b").urlOf("{repository}{sha}$1\\"))
			.isEqualTo("https://github.com/a/b/commit/{repository}{sha}$1\\");
	}

	@Test
	void givesNoLinkForAProviderWithoutATemplate() {
		assertThat(links.of("gitlab", "a/b").urlOf("abc")).isNull();
		assertThat(links.of("blank", "a/b").urlOf("abc")).isNull();
		assertThat(new CommitLinks(null).of("github", "a/b").urlOf("abc")).isNull();
	}

	@Test
	void refusesATemplateThatLinksNoCommitNamingItsVariable() {
		assertThatThrownBy(() -> new CommitLinks(Map.of("internal", "https://x/{repository}")))
			.hasMessageContaining("QUERY_COMMITURLS_INTERNAL");
		assertThatThrownBy(() -> new CommitLinks(Map.of("github", "{sha}"))).hasMessageContaining("GITHUB_COMMIT_URL");
	}

}
