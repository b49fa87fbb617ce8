package dev.commitcollector.store.domain;

/**
 * Text from a forge made safe to store: no NUL (PostgreSQL text cannot hold it), no other
 * control character, no unpaired surrogate, and at most a given number of UTF-8 bytes,
 * cut on a character.
 */
public final class BoundedText {

	private BoundedText() {
	}

	/** The cleaned, bounded text; {@code null} stays {@code null}. */
	public static String of(String text, int maxBytes) {
		if (text == null || alreadyClean(text, maxBytes)) {
			return text;
		}
		StringBuilder clean = new StringBuilder(Math.min(text.length(), maxBytes));
		int bytes = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (codePoint == 0 || Character.getType(codePoint) == Character.SURROGATE) {
				continue;
			}
			if (Character.isISOControl(codePoint)) {
				codePoint = ' ';
			}
			int size = utf8Length(codePoint);
			if (bytes + size > maxBytes) {
				break;
			}
			bytes += size;
			clean.appendCodePoint(codePoint);
		}
		return clean.toString();
	}

	/**
	 * Whether the text would come out as it is: no control character, no surrogate (a
	 * pair is fine, but rare enough to take the long way) and within the bound. Most
	 * forge text is, and is then neither copied nor built again.
	 */
	private static boolean alreadyClean(String text, int maxBytes) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c >= 0x7f && c <= 0x9f || Character.isSurrogate(c)) {
				return false;
			}
			bytes += utf8Length(c);
			if (bytes > maxBytes) {
				return false;
			}
		}
		return true;
	}

	private static int utf8Length(int codePoint) {
		return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
	}

}
