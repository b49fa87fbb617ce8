package dev.commitcollector.fetcher.web;

import java.util.List;

/** Every watch, by provider and repository. */
record WatchListView(List<WatchView> watches) {
}
