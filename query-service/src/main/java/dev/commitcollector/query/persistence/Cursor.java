package dev.commitcollector.query.persistence;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A keyset position made opaque for clients: two values, base64url-encoded. Clients pass
 * it back as {@code after}; anything that does not decode is refused with a message,
 * never guessed at. A NUL can be in no value this service hands out (PostgreSQL text
 * cannot hold one), so a cursor with one is refused too.
 */
record Cursor(String first, String second) {

	private static final char SEPARATOR = '\n';

	private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("0001-01-01T00:00:00Z");

	private static final OffsetDateTime LATEST = OffsetDateTime.parse("9999-12-31T23:59:59.999999Z");

	/**
	 * Where a listing newest first starts: above the latest date a commit can have, and
	 * above every sha (lowercase hex) at that date.
	 */
	static final Cursor NEWEST = new Cursor(LATEST.toString(), "g");

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

	/** The first value as a commit count (the authors pages' cursors). */
	long count() {
		try {
			return Long.parseLong(first);
		}
		catch (NumberFormatException ex) {
			throw new InvalidCursor();
		}
	}

	/**
	 * The first value as a date (the commits pages' cursors), within the years 1 to 9999
	 * that the store accepts (timestamptz holds no year 0).
	 */
	OffsetDateTime date() {
		try {
			OffsetDateTime date = OffsetDateTime.parse(first);
			if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
				throw new InvalidCursor();
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidCursor();
		}
	}

}
