package dev.commitcollector.query.domain;

import java.util.List;

/**
 * One page of a keyset-paginated list, and the cursor of the page after it ({@code null}
 * on the last). Pages never skip or repeat an item that existed when the first page was
 * read.
 */
public record Slice<T>(List<T> items, String next) {
}
