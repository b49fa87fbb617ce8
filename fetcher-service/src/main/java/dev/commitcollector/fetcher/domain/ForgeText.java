package dev.commitcollector.fetcher.domain;

/**
 * Text a forge sent, made safe to publish: no NUL, no other control character (each
 * becomes a space, as the line and paragraph separators do), no unpaired surrogate, no
 * character that reorders the text around it, at most a given number of UTF-8 bytes, cut
 * on a whole character. Every text field of a commit passes here, so no event can outgrow
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
			if (codePoint == 0 || Character.getType(codePoint) == Character.SURROGATE || reordersText(codePoint)) {
				continue;
			}
			int kept = Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029 ? ' '
					: codePoint;
			int size = kept < 0x80 ? 1 : kept < 0x800 ? 2 : kept < 0x10000 ? 3 : 4;
			if (bytes + size > maxBytes) {
				break;
			}
			bytes += size;
			clean.appendCodePoint(kept);
		}
		return clean.toString();
	}

	/**
	 * The bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to
	 * U+2069): they make a name or a headline display as other text than it holds
	 * ("Trojan Source"). The marks a right-to-left name may need (U+200E, U+200F) and the
	 * joiners of scripts and emoji (U+200C, U+200D) are kept.
	 */
	private static boolean reordersText(int codePoint) {
		return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
	}

}
