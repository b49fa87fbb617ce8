package dev.commitcollector.fetcher.domain;

/**
 * Who wrote a commit, as the forge reports it: the git author's name and email, and the forge
 * account login when the forge links the email to an account ({@code null} otherwise).
 */
public record CommitAuthor(String name, String email, String login) {
}
