package dev.commitcollector.fetcher.web;

/**
 * The body of {@code POST /api/v1/watches}; {@code provider} and {@code limit} may be
 * left out, {@code interval} is an ISO-8601 duration such as {@code PT15M}. Its text is
 * checked as a fetch request's is.
 */
record WatchRequest(String provider, String repository, Integer limit, String interval) {

	static final int MAX_INTERVAL = 40;

	WatchRequest {
		FetchRequest.requireText("provider", provider, FetchRequest.MAX_PROVIDER);
		FetchRequest.requireText("repository", repository, Integer.MAX_VALUE);
		FetchRequest.requireText("interval", interval, MAX_INTERVAL);
	}

}
