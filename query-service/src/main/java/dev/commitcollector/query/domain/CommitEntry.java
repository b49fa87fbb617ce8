package dev.commitcollector.query.domain;

import java.time.Instant;

/**
 * One commit of an author's list: the sha, its dates, and the first line of its message
 * if stored.
 */
public record CommitEntry(String sha, Instant authoredAt, Instant committedAt, String messageHeadline) {
}
