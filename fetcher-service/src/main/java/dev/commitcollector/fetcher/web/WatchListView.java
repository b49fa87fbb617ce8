package dev.commitcollector.fetcher.web;

import java.util.List;

import dev.commitcollector.fetcher.application.Watching;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of the watch listing as the API shows it: {@code next} is the {@code after}
 * cursor of the next page, {@code null} on the last.
 */
@Schema(description = "A page of watches, by provider and repository.")
record WatchListView(@Schema(description = "The watches of this page.") List<WatchView> watches,
		@Schema(description = "The `after` cursor of the next page; null on the last.") String next) {

	static WatchListView of(Watching.WatchPage page) {
		return new WatchListView(page.watches().stream().map(WatchView::of).toList(),
				page.next().map(WatchCursor::encode).orElse(null));
	}

}
