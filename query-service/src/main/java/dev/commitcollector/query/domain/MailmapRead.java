package dev.commitcollector.query.domain;

import java.time.Instant;

/**
 * The last read of a repository's {@code .mailmap} the store holds: whether the file was
 * there, how many entries it gave, whether it was cut at the size limit, at which commit
 * and when it was read. A repository none was read for has none.
 */
public record MailmapRead(boolean present, int entries, boolean truncated, String sha, Instant readAt) {
}
