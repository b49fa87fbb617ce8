package dev.commitcollector.store.domain;

import java.util.Locale;

/**
 * Who an author is, for grouping: the forge account when the forge links one, otherwise the author
 * email trimmed and lowercased. Never the name alone: two people can share a name, and one person
 * commits under several. The key is prefixed by its kind so a login never collides with an email.
 */
public record AuthorIdentity(String key) {

	static final String LOGIN = "login:";

	static final String EMAIL = "email:";

	public static AuthorIdentity of(String login, String email) {
		if (login != null && !login.isBlank()) {
			// forge logins are case-insensitive (GitHub, Gitea); the stored login keeps its spelling
			return new AuthorIdentity(LOGIN + login.strip().toLowerCase(Locale.ROOT));
		}
		return new AuthorIdentity(EMAIL + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)));
	}

}
