package dev.commitcollector.fetcher.domain;

/**
 * Text a forge sent, made safe to publish: no NUL, no other control character (each
 * becomes a space), no unpaired surrogate, at most a given number of UTF-8 bytes, cut on
 * a whole character. Every text field of a commit passes here, so no event can outgrow
 * the broker's message size.
 */
public final class ForgeText {

	/** The most UTF-8 bytes of an author name or email. */
	public static final int MAX_NAME_BYTES = 512;

	/**
	 * The most UTF-8 bytes of a forge login (GitHub allows 39 characters, GitLab 255).
	 */
	public static final int MAX_LOGIN_BYTES = 256;

	/**
	 * The most UTF-8 bytes of a message headline (which is also at most 500 characters).
	 */
	public static final int MAX_HEADLINE_BYTES = 1024;

	private ForgeText() {
	}

	/** The cleaned, bounded text; {@code null} stays {@code null}. */
	public static String clean(String text, int maxBytes) {
		if (text == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(Math.min(text.length(), maxBytes));
		int bytes = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (codePoint == 0 || Character.getType(codePoint) == Character.SURROGATE) {
				continue;
			}
			int kept = Character.isISOControl(codePoint) ? ' ' : codePoint;
			int size = kept < 0x80 ? 1 : kept < 0x800 ? 2 : kept < 0x10000 ? 3 : 4;
			if (bytes + size > maxBytes) {
				break;
			}
			bytes += size;
			clean.appendCodePoint(kept);
		}
		return clean.toString();
	}

}
