package dev.commitcollector.query.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A keyset position made opaque for clients: two values, base64url-encoded. Clients pass
 * it back as {@code after}; anything that does not decode is refused with a message,
 * never guessed at. A NUL can be in no value this service hands out (PostgreSQL text
 * cannot hold one), so a cursor with one is refused too.
 */
record Cursor(String first, String second) {

	private static final char SEPARATOR = '\n';

	String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((first + SEPARATOR + second).getBytes(StandardCharsets.UTF_8));
	}

	static Cursor decode(String value) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			int split = text.indexOf(SEPARATOR);
			if (split < 0 || text.indexOf('\0') >= 0) {
				throw new InvalidCursor();
			}
			return new Cursor(text.substring(0, split), text.substring(split + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCursor();
		}
	}

}
