package dev.commitcollector.fetcher.web;

/**
 * The body of {@code POST /api/v1/fetches}; {@code provider}, {@code limit} and
 * {@code mode} ({@code incremental} or {@code full}) may be left out. Its text is checked
 * once, here: no control character or unpaired surrogate in any field, and no provider or
 * mode longer than a valid one could be. The repository's form and length are its forge
 * type's to check.
 */
record FetchRequest(String provider, String repository, Integer limit, String mode) {

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
