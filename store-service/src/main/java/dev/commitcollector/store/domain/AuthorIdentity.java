package dev.commitcollector.store.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Who an author is, for grouping: the forge account when the forge links one, otherwise
 * the author email trimmed and lowercased. Not the name while there is either: two people
 * can share a name, and one person commits under several. Only an author with neither
 * (git takes {@code Name <>}, and a forge links no account to it) is known by the name,
 * trimmed and lowercased, so such authors are told apart rather than all folded into one
 * nameless author. The key is prefixed by its kind so a login never collides with an
 * email or a name.
 * <p>
 * A key longer than {@link #MAX_KEY_BYTES} (a crafted 3,000-character email, say) would
 * not fit the indexes it lives in; it becomes its kind, {@code -sha256:}, and the SHA-256
 * of the normalised value in hex. The form is stable, so every commit of such an author
 * still groups together.
 */
public record AuthorIdentity(String key) {

	static final String LOGIN = "login:";

	static final String EMAIL = "email:";

	/**
	 * Far below PostgreSQL's btree row limit (about 2,700 bytes), with room for the other
	 * key columns.
	 */
	public static final int MAX_KEY_BYTES = 320;

	/**
	 * The identity of an author with {@code login} (may be null), {@code email} (may be
	 * null or empty) and {@code name}, the last used only when there is neither of the
	 * others.
	 */
	public static AuthorIdentity of(String login, String email, String name) {
		if (blank(login) && blank(email) && !blank(name)) {
			return keyed("name", name.strip().toLowerCase(Locale.ROOT));
		}
		return of(login, email);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	public static AuthorIdentity of(String login, String email) {
		if (login != null && !login.isBlank()) {
			// forge logins are case-insensitive (GitHub, Gitea); the stored login keeps
			// its spelling
			return keyed("login", login.strip().toLowerCase(Locale.ROOT));
		}
		return keyed("email", email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
	}

	private static AuthorIdentity keyed(String kind, String normalised) {
		String key = kind + ":" + normalised;
		if (key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES) {
			return new AuthorIdentity(key);
		}
		return new AuthorIdentity(kind + "-sha256:" + sha256(normalised));
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
