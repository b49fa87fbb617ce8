package dev.commitcollector.fetcher.application;

import java.util.List;
import java.util.Optional;

import dev.commitcollector.fetcher.domain.Fetch;

/**
 * One page of a {@link FetchQuery}: its fetches, newest first, and where the next page
 * starts (empty on the last page).
 */
public record FetchListing(List<Fetch> fetches, Optional<FetchQuery.After> next) {
}
