package dev.commitcollector.fetcher.forge.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkHeaderTest {

	private static final String GITHUB = "<https://api.github.com/repositories/1/commits?page=2>; rel=\"next\", "
			+ "<https://api.github.com/repositories/1/commits?page=13>; rel=\"last\"";

	@Test
	void readsAHeaderOfThousandsOfParametersWithoutRecursingPerParameter() {
		String header = "<https://api.github.com/repositories/1/commits?page=2>" + ";a".repeat(3000) + ";rel=\"next\"";

		assertThat(SmallStack.run(() -> LinkHeader.target(header, "next")))
			.contains("https://api.github.com/repositories/1/commits?page=2");
	}

	@Test
	void findsTheNextPageOfAGitHubLinkHeader() {
		assertThat(LinkHeader.target(GITHUB, "next")).contains("https://api.github.com/repositories/1/commits?page=2");
	}

	@Test
	void findsTheLastPageOfAGitHubLinkHeader() {
		assertThat(LinkHeader.target(GITHUB, "last")).contains("https://api.github.com/repositories/1/commits?page=13");
	}

	@Test
	void keepsEveryQueryParameterOfTheTarget() {
		String header = "<https://api.github.com/repositories/1/commits?sha=6dcb09b5b57875f334f61aebed695e2e4193db5e"
				+ "&per_page=100&page=3>; rel=\"next\"";

		assertThat(LinkHeader.target(header, "next")).contains(
				"https://api.github.com/repositories/1/commits?sha=6dcb09b5b57875f334f61aebed695e2e4193db5e&per_page=100&page=3");
	}

	@Test
	void findsNothingForARelationTheHeaderLacks() {
		assertThat(LinkHeader.target(GITHUB, "prev")).isEmpty();
	}

	@Test
	void findsNoNextPageOnTheLastPage() {
		String lastPage = "<https://api.github.com/repositories/1/commits?page=12>; rel=\"prev\", "
				+ "<https://api.github.com/repositories/1/commits?page=1>; rel=\"first\"";

		assertThat(LinkHeader.target(lastPage, "next")).isEmpty();
		assertThat(LinkHeader.target(lastPage, "prev"))
			.contains("https://api.github.com/repositories/1/commits?page=12");
	}

	@Test
	void findsNothingWithoutAHeader() {
		assertThat(LinkHeader.target(null, "next")).isEmpty();
		assertThat(LinkHeader.target("", "next")).isEmpty();
	}

	@Test
	void doesNotMistakeAnotherRelationForTheOneAskedFor() {
		String header = "<https://example.org/a>; rel=\"nextish\", <https://example.org/b>; rel=\"next\"";

		assertThat(LinkHeader.target(header, "next")).contains("https://example.org/b");
	}

	@Test
	void readsUnquotedAndSpaceSeparatedRelations() {
		assertThat(LinkHeader.target("<https://example.org/a>;rel=next", "next")).contains("https://example.org/a");
		assertThat(LinkHeader.target("<https://example.org/a>; rel=\"prev previous\"", "previous"))
			.contains("https://example.org/a");
	}

	@Test
	void readsTheRelationAfterOtherParameters() {
		String header = "<https://example.org/a>; type=\"application/json\"; rel=\"next\"";

		assertThat(LinkHeader.target(header, "next")).contains("https://example.org/a");
	}

}
