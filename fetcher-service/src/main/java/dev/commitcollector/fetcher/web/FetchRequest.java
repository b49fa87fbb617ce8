package dev.commitcollector.fetcher.web;

/**
 * The body of {@code POST /api/v1/fetches}; {@code provider}, {@code limit} and {@code mode}
 * ({@code incremental} or {@code full}) may be left out.
 */
record FetchRequest(String provider, String repository, Integer limit, String mode) {
}
