package dev.commitcollector.fetcher.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/watches}; {@code provider} and {@code limit} may be
 * left out, {@code interval} is an ISO-8601 duration such as {@code PT15M}. Its text is
 * checked as a fetch request's is.
 */
@Schema(description = "What to watch: a repository of a configured provider, how many commits each fetch reads, how often.")
record WatchRequest(@Schema(
		description = "A configured provider (built in: github, gitlab, bitbucket, codeberg); github when left out.",
		pattern = FetcherOpenApi.PROVIDER_PATTERN, maxLength = 40, defaultValue = "github",
		example = "github") String provider,
		@Schema(description = FetcherOpenApi.REPOSITORY_RULES, requiredMode = Schema.RequiredMode.REQUIRED,
				pattern = FetcherOpenApi.REPOSITORY_PATTERN, maxLength = 300,
				example = "octocat/Hello-World") String repository,
		@Schema(description = "How many of the newest commits to read: 1 to FETCH_MAX_LIMIT; FETCH_DEFAULT_LIMIT when left out.",
				type = "integer", format = "int32", minimum = "1", maximum = "100000", defaultValue = "1000",
				example = "1000") Integer limit,
		@Schema(description = "How often to fetch: an ISO-8601 duration such as PT15M, PT1H or P1D, at least "
				+ "WATCH_MIN_INTERVAL (PT5M by default) and at most a year (PT8760H).",
				requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "duration", maxLength = 40,
				example = "PT1H") String interval) {

	static final int MAX_INTERVAL = 40;

	WatchRequest {
		FetchRequest.requireText("provider", provider, FetchRequest.MAX_PROVIDER);
		FetchRequest.requireText("repository", repository, Integer.MAX_VALUE);
		FetchRequest.requireText("interval", interval, MAX_INTERVAL);
	}

}
