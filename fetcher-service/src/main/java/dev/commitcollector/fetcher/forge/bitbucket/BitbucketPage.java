package dev.commitcollector.fetcher.forge.bitbucket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * One page of {@code GET /2.0/repositories/{workspace}/{repo_slug}/commits}: the commits
 * and the absolute URL of the next page, whose page token is opaque; no {@code next} on
 * the last page. The commits are kept as JSON, to be bound one at a time
 * ({@link BitbucketCommits}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BitbucketPage(JsonNode values, String next) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Commit(String hash, String date, String message, Author author, List<Parent> parents) {
	}

	/**
	 * {@code raw} is git's {@code Name <email>}; {@code user} the account it is linked
	 * to, when it is.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Author(String raw, User user) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record User(@JsonProperty("account_id") String accountId, String uuid, String nickname,
			@JsonProperty("display_name") String displayName) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Parent(String hash) {
	}

}
