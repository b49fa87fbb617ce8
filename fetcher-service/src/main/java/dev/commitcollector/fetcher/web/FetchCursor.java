package dev.commitcollector.fetcher.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.commitcollector.fetcher.application.FetchQuery;

/**
 * The {@code after} cursor of the fetch listing as clients see it: opaque, the base64url
 * of the last fetch's {@code startedAt} and {@code id}.
 */
final class FetchCursor {

	private static final String SEPARATOR = "|";

	private FetchCursor() {
	}

	static String encode(FetchQuery.After after) {
		String plain = after.startedAt() + SEPARATOR + after.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/** Throws IllegalArgumentException for anything {@link #encode} did not hand out. */
	static FetchQuery.After decode(String cursor) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int cut = plain.indexOf(SEPARATOR);
			return new FetchQuery.After(Instant.parse(plain.substring(0, cut)),
					UUID.fromString(plain.substring(cut + 1)));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a cursor this fetcher handed out as 'next'; start without it");
		}
	}

}
