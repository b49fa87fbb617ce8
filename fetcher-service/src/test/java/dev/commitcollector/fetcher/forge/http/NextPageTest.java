package dev.commitcollector.fetcher.forge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextPageTest {

	private static final URI GITHUB = URI.create("https://api.github.com");

	private static final URI ENTERPRISE = URI.create("https://ghe.example.com/api/v3");

	@ParameterizedTest
	@ValueSource(strings = { "https://api.github.com/repos/acme/app/commits?per_page=100&page=3",
			"https://api.github.com/repos/acme/app/commits?per_page=100&page=1",
			"https://api.github.com/repos/other/secret/commits?per_page=100&page=3",
			"https://api.github.com/user/repos?page=3", "https://evil.example/repos/acme/app/commits?page=3",
			"/repos/acme/app/commits?page=2" })
	void takesTheNextPageForThisListingOnePageUpWhateverTheLinkNames(String link) {
		URI current = URI.create("https://api.github.com/repos/acme/app/commits?per_page=100&page=2");
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.add("Link", "<" + link + ">; rel=\"next\"");

		assertThat(NextPage.after(current, headers))
			.contains("https://api.github.com/repos/acme/app/commits?per_page=100&page=3");
		assertThat(NextPage.after(current, new org.springframework.http.HttpHeaders())).isEmpty();
	}

	@Test
	void acceptsALinkIntoTheConfiguredApi() {
		assertThat(NextPage.isWithin(GITHUB, "https://api.github.com/repositories/1/commits?page=2")).isTrue();
	}

	@Test
	void acceptsALinkWhenTheBaseEndsWithASlash() {
		assertThat(NextPage.isWithin(URI.create("https://api.github.com/"),
				"https://api.github.com/repositories/1/commits?page=2"))
			.isTrue();
	}

	@Test
	void acceptsALinkBelowAnEnterprisePathPrefix() {
		assertThat(NextPage.isWithin(ENTERPRISE, "https://ghe.example.com/api/v3/repositories/7/commits?page=2"))
			.isTrue();
		assertThat(NextPage.isWithin(URI.create("https://ghe.example.com/api/v3/"),
				"https://ghe.example.com/api/v3/repositories/7/commits?page=2"))
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example.com/repositories/1/commits?page=2",
			"https://api.github.com.evil.com/repositories/1/commits?page=2",
			"https://api.github.com@evil.com/repositories/1/commits",
			"https://api.github.com:8443/repositories/1/commits", "http://api.github.com/repositories/1/commits",
			"ftp://api.github.com/repositories/1/commits", "//api.github.com/repositories/1/commits",
			"/repositories/1/commits?page=2", "repositories/1/commits", "not a link at all", "" })
	void refusesALinkOutsideTheConfiguredApi(String link) {
		assertThat(NextPage.isWithin(GITHUB, link)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://ghe.example.com/api/v3/../../admin/x", "https://ghe.example.com/api/v3/..",
			"https://ghe.example.com/api/v3/%2e%2e/%2E%2e/admin", "https://ghe.example.com/api/v3/./../x",
			"https://ghe.example.com/api/v3/repos/.%2e/x" })
	void refusesALinkThatDotSegmentsWouldTakeOutOfTheApiPath(String link) {
		assertThat(NextPage.isWithin(ENTERPRISE, link)).isFalse();
		assertThat(NextPage.isWithin(ENTERPRISE, "https://ghe.example.com/api/v3/repos/a..b/x.y/commits")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://ghe.example.com/repositories/7/commits", "https://ghe.example.com/api/v3evil/x",
			"https://ghe.example.com/api/v4/repositories/7/commits", "https://ghe.example.com/api",
			"https://other.example.com/api/v3/repositories/7/commits" })
	void refusesALinkBesideTheEnterprisePathPrefix(String link) {
		assertThat(NextPage.isWithin(ENTERPRISE, link)).isFalse();
	}

}
