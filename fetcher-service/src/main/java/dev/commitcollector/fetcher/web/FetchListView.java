package dev.commitcollector.fetcher.web;

import java.util.List;

import dev.commitcollector.fetcher.application.FetchListing;

/**
 * A page of the fetch listing as the API shows it: {@code next} is the {@code after}
 * cursor of the next page, {@code null} on the last.
 */
record FetchListView(List<FetchView> fetches, String next) {

	static FetchListView of(FetchListing listing) {
		return new FetchListView(listing.fetches().stream().map(FetchView::of).toList(),
				listing.next().map(FetchCursor::encode).orElse(null));
	}

}
