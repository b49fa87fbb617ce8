package dev.commitcollector.store.domain;

/**
 * One line of a {@code .mailmap}: commits whose email is {@code commitEmail} (and, when
 * given, whose name is {@code commitName}) are by {@code properName} and
 * {@code properEmail}; a {@code null} proper part leaves that part as committed. Git
 * matches both commit parts case-insensitively (gitmailmap(5)).
 */
public record MailmapEntry(String properName, String properEmail, String commitName, String commitEmail) {
}
