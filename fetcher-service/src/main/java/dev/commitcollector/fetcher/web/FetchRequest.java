package dev.commitcollector.fetcher.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/fetches}; {@code provider}, {@code limit} and
 * {@code mode} ({@code incremental} or {@code full}) may be left out. Its text is checked
 * once, here: no control character or unpaired surrogate in any field, and no provider or
 * mode longer than a valid one could be. The repository's form and length are its forge
 * type's to check.
 */
@Schema(description = "What to fetch: a repository of a configured provider, how many of its newest commits and how.")
record FetchRequest(@Schema(
		description = "A configured provider (built in: github, gitlab, bitbucket, codeberg); github when left out.",
		pattern = FetcherOpenApi.PROVIDER_PATTERN, maxLength = 40, defaultValue = "github",
		example = "github") String provider,
		@Schema(description = FetcherOpenApi.REPOSITORY_RULES, requiredMode = Schema.RequiredMode.REQUIRED,
				pattern = FetcherOpenApi.REPOSITORY_PATTERN, maxLength = 300,
				example = "octocat/Hello-World") String repository,
		@Schema(description = "How many of the newest commits to read: 1 to FETCH_MAX_LIMIT; FETCH_DEFAULT_LIMIT when left out.",
				type = "integer", format = "int32", minimum = "1", maximum = "100000", defaultValue = "1000",
				example = "1000") Integer limit,
		@Schema(description = "incremental (the default): publish only commits no earlier fetch published; full: "
				+ "publish everything up to the limit again, e.g. after a force-push. Case is ignored.",
				allowableValues = {
						"incremental", "full" },
				maxLength = 20, defaultValue = "incremental", example = "incremental") String mode){

	static final int MAX_PROVIDER = 40;

	static final int MAX_MODE = 20;

	FetchRequest {
		requireText("provider", provider, MAX_PROVIDER);
		requireText("repository", repository, Integer.MAX_VALUE);
		requireText("mode", mode, MAX_MODE);
	}

	static void requireText(String field, String value, int bound) {
		if (value == null) {
			return;
		}
		value.codePoints().filter(FetchRequest::unreadable).findFirst().ifPresent(c -> {
			throw new FetchController.InvalidFetchRequest(
					field + " contains " + String.format("U+%04X", c) + (Character.getType(c) == Character.CONTROL
							? ", a control character; remove it" : ", half of a surrogate pair; send text as UTF-8"));
		});
		if (value.length() > bound) {
			throw new FetchController.InvalidFetchRequest(
					field + " is " + value.length() + " characters long; at most " + bound + " are accepted");
		}
	}

	private static boolean unreadable(int c) {
		return Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE;
	}

}
