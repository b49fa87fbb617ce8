package dev.commitcollector.fetcher.web;

import java.util.List;

import dev.commitcollector.fetcher.application.FetchListing;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of the fetch listing as the API shows it: {@code next} is the {@code after}
 * cursor of the next page, {@code null} on the last.
 */
@Schema(description = "A page of fetches, newest first.")
record FetchListView(@Schema(description = "The fetches of this page.") List<FetchView> fetches,
		@Schema(description = "The `after` cursor of the next page; null on the last.") String next) {

	static FetchListView of(FetchListing listing) {
		return new FetchListView(listing.fetches().stream().map(FetchView::of).toList(),
				listing.next().map(FetchCursor::encode).orElse(null));
	}

}
