package dev.commitcollector.fetcher.domain;

import java.nio.charset.StandardCharsets;

/**
 * A repository's {@code .mailmap} as a forge served it at one commit: its text (UTF-8,
 * NUL dropped, at most {@value #MAX_BYTES} bytes), none when the repository has no such
 * file ({@link #NONE}), or none and {@code truncated} when the file is larger than that
 * ({@link #tooLarge}). The fetcher passes it on unparsed.
 */
public record Mailmap(String text, boolean truncated) {

	/** The most UTF-8 bytes of a mailmap passed on: 256 KiB. */
	public static final int MAX_BYTES = 256 * 1024;

	/** The repository has no {@code .mailmap}: a normal case. */
	public static final Mailmap NONE = new Mailmap(null, false);

	public Mailmap {
		if (text != null && (truncated || text.indexOf('\0') >= 0 || utf8Length(text) > MAX_BYTES)) {
			throw new IllegalArgumentException("a mailmap is NUL-free text of at most " + MAX_BYTES + " bytes");
		}
	}

	/** The file's bytes, read as UTF-8 (a malformed sequence becomes U+FFFD). */
	public static Mailmap of(byte[] file) {
		if (file.length > MAX_BYTES) {
			return tooLarge();
		}
		String text = new String(file, StandardCharsets.UTF_8).replace("\0", "");
		return utf8Length(text) > MAX_BYTES ? tooLarge() : new Mailmap(text, false);
	}

	/** The file is larger than {@value #MAX_BYTES} bytes: not passed on. */
	public static Mailmap tooLarge() {
		return new Mailmap(null, true);
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
