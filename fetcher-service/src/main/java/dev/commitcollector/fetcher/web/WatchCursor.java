package dev.commitcollector.fetcher.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;

/**
 * The {@code after} cursor of the watch listing as clients see it: opaque, the base64url
 * of the last watch's provider and repository.
 */
final class WatchCursor {

	private static final String SEPARATOR = "|";

	/** Any forge type's paths: the deepest nesting a path may have. */
	private static final int ANY_DEPTH = Integer.MAX_VALUE;

	private WatchCursor() {
	}

	static String encode(RepositoryRef last) {
		String plain = last.provider() + SEPARATOR + last.path();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/** Throws IllegalArgumentException for anything {@link #encode} did not hand out. */
	static RepositoryRef decode(String cursor) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int cut = plain.indexOf(SEPARATOR);
			String provider = plain.substring(0, cut);
			if (!provider.matches("[a-z0-9-]{1,40}")) {
				throw new IllegalArgumentException(provider);
			}
			return new RepositoryRef(provider, RepositoryPath.parse(plain.substring(cut + 1), ANY_DEPTH));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a cursor this fetcher handed out as 'next'; start without it");
		}
	}

}
