package dev.commitcollector.query.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a request target (path and query, as sent on the request line) must be before
 * anything reads it: RFC 3986 characters only, every {@code %} a two-digit escape,
 * escapes that decode to UTF-8, no control character (NUL included) in any decoded path
 * segment, parameter name or value, and each value within its bound. A problem names the
 * query parameter or path variable (from {@code templates}) it is in.
 *
 * @param bounds the most characters of a named query parameter or path variable, once
 * decoded
 * @param otherBound the most characters of any other parameter or path segment
 * @param templates paths with {@code {variable}} segments, to name a path variable in a
 * problem
 * @param repeatable the query parameters that may be given more than once; any other is
 * refused when it is: which of two values a request meant is not for the server to guess
 */
record RequestTargetRules(Map<String, Integer> bounds, int otherBound, List<String> templates, Set<String> repeatable) {

	/**
	 * Unreserved, sub-delims, ':', '@', '/' and '?': what RFC 3986 allows unescaped in a
	 * path or query.
	 */
	private static final String ALLOWED = "-._~!$&'()*+,;=:@/?";

	/** Why the target is refused, or empty when it is acceptable. */
	Optional<String> problemOf(String target) {
		if (target.equals("*")) {
			return Optional.empty();
		}
		int query = target.indexOf('?');
		String path = query < 0 ? target : target.substring(0, query);
		Optional<String> problem = pathProblem(path);
		return problem.isPresent() || query < 0 ? problem : queryProblem(target.substring(query + 1));
	}

	private Optional<String> pathProblem(String path) {
		String[] segments = path.split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			String name = variableAt(segments, i);
			String what = name == null ? "path segment " + i + shown(segments[i]) : "path variable '" + name + "'";
			Optional<String> problem = valueProblem(what, name, segments[i], false);
			if (problem.isPresent()) {
				return problem;
			}
		}
		return Optional.empty();
	}

	private Optional<String> queryProblem(String query) {
		Set<String> given = new HashSet<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String rawName = equals < 0 ? pair : pair.substring(0, equals);
			Decoded name = Decoded.of(rawName, true);
			if (name.problem() != null) {
				return Optional.of("a query parameter name" + shown(rawName) + " " + name.problem());
			}
			String what = "query parameter '" + name.text() + "'";
			if (!name.text().isEmpty() && !given.add(name.text()) && !repeatable.contains(name.text())) {
				return Optional.of(what + " is given more than once; give it once");
			}
			Optional<String> problem = valueProblem(what, name.text(), equals < 0 ? "" : pair.substring(equals + 1),
					true);
			if (problem.isPresent()) {
				return problem;
			}
		}
		return Optional.empty();
	}

	private Optional<String> valueProblem(String what, String name, String raw, boolean query) {
		Decoded value = Decoded.of(raw, query);
		if (value.problem() != null) {
			return Optional.of(what + " " + value.problem());
		}
		int bound = name == null ? otherBound : bounds.getOrDefault(name, otherBound);
		if (value.text().length() > bound) {
			return Optional
				.of(what + " is " + value.text().length() + " characters long; at most " + bound + " are accepted");
		}
		return Optional.empty();
	}

	/**
	 * The variable a template names at segment {@code index} of a path that otherwise
	 * matches it.
	 */
	private String variableAt(String[] segments, int index) {
		for (String template : templates) {
			String[] parts = template.split("/", -1);
			if (parts.length != segments.length || !parts[index].startsWith("{")) {
				continue;
			}
			boolean matches = true;
			for (int i = 0; i < parts.length && matches; i++) {
				matches = parts[i].startsWith("{") || parts[i].equals(segments[i]);
			}
			if (matches) {
				return parts[index].substring(1, parts[index].length() - 1);
			}
		}
		return null;
	}

	/** A raw part for a message when it is short printable ASCII, else nothing. */
	private static String shown(String raw) {
		return raw.length() <= 60 && raw.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? " '" + raw + "'" : "";
	}

	/** A part of the target percent-decoded as UTF-8, or why it cannot be. */
	private record Decoded(String text, String problem) {

		static Decoded of(String raw, boolean plusIsSpace) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
			for (int i = 0; i < raw.length(); i++) {
				char c = raw.charAt(i);
				if (c == '%') {
					int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
					int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
					if (low < 0) {
						return failed("has a malformed percent-escape; write '%' as %25 and other bytes as %XX");
					}
					bytes.write(high * 16 + low);
					i += 2;
				}
				else if (c >= 0x80) {
					return failed("has a raw non-ASCII character; percent-encode it as UTF-8");
				}
				else if (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0) {
					bytes.write(plusIsSpace && c == '+' ? ' ' : c);
				}
				else {
					return failed("has the character " + codePoint(c) + ", which must be percent-encoded");
				}
			}
			return utf8(bytes.toByteArray());
		}

		private static Decoded utf8(byte[] bytes) {
			String text;
			try {
				text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString();
			}
			catch (CharacterCodingException ex) {
				return failed("has percent-escapes that are not UTF-8 (an overlong, truncated or surrogate sequence)");
			}
			return text.codePoints()
				.filter(c -> Character.getType(c) == Character.CONTROL)
				.mapToObj(c -> failed("contains the control character " + codePoint(c) + "; remove it"))
				.findFirst()
				.orElse(new Decoded(text, null));
		}

		private static Decoded failed(String problem) {
			return new Decoded(null, problem);
		}

		private static String codePoint(int c) {
			return String.format("U+%04X", c);
		}

	}

}
