package dev.commitcollector.fetcher.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Every watch, by provider and repository. */
@Schema(description = "Every watch (at most 1000), by provider and repository.")
record WatchListView(@Schema(description = "The watches.") List<WatchView> watches) {
}
