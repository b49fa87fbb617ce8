package dev.commitcollector.store.domain;

/**
 * Someone a commit credits besides its author, from a {@code Co-authored-by:} trailer:
 * keyed by the same rule as an author, which for a trailer (no forge account) is always
 * the email.
 */
public record CoAuthor(AuthorIdentity identity, String name, String email) {
}
