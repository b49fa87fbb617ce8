package dev.commitcollector.fetcher.web;

/** The body of {@code POST /api/v1/fetches}; {@code provider} and {@code limit} may be left out. */
record FetchRequest(String provider, String repository, Integer limit) {
}
