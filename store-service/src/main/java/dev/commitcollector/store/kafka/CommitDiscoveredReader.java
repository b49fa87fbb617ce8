package dev.commitcollector.store.kafka;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an event in the form the fetcher writes it straight from the parser's tokens:
 * each field once, text or null where text is expected, an int schema version, ids as
 * 36-character uuids and dates as {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}. Unknown fields
 * are skipped, as the mapper skips them. Anything else (a field twice, a number where
 * text is expected, a date with an offset, content after the object) makes it step aside
 * with {@code null}, and {@link EventDecoder} reads the event with the mapper as before:
 * what is accepted or refused, and why, does not change.
 * <p>
 * The mapper's way (a record creator, java.time's formatter) cost about 5 µs an event
 * once compiled and ten times that before, which a backlog of 80,000 events spends mostly
 * still warming up (docs/performance.md, ingest).
 */
final class CommitDiscoveredReader {

	private static final int FIELDS = 14;

	/** A value the reader does not expect: the mapper reads the event instead. */
	private static final Object UNUSUAL = new Object();

	/** What a fraction of n digits is multiplied by to make nanoseconds. */
	private static final int[] SCALE = { 1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

	private final JsonMapper json;

	CommitDiscoveredReader(JsonMapper json) {
		this.json = json;
	}

	/** The event, or {@code null} when it is not in the usual form. */
	CommitDiscovered read(byte[] value) {
		try (JsonParser parser = json.createParser(value)) {
			return parser.nextToken() == JsonToken.START_OBJECT ? event(parser) : null;
		}
		catch (JacksonException | DateTimeException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static CommitDiscovered event(JsonParser parser) {
		Object[] fields = new Object[FIELDS];
		boolean[] seen = new boolean[FIELDS];
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			int field = field(name);
			if (field < 0) {
				parser.skipChildren();
				continue;
			}
			if (seen[field]) {
				return null;
			}
			seen[field] = true;
			Object read = field == 0 ? schemaVersion(parser, token)
					: field == 13 ? people(parser, token) : text(parser, token);
			if (read == UNUSUAL) {
				return null;
			}
			fields[field] = field == 1 || field == 2 ? uuid((String) read)
					: field == 9 || field == 10 || field == 12 ? instant((String) read) : read;
			if (fields[field] == UNUSUAL) {
				return null;
			}
		}
		if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
			return null;
		}
		return new CommitDiscovered((Integer) fields[0], (UUID) fields[1], (UUID) fields[2], (String) fields[3],
				(String) fields[4], (String) fields[5], (String) fields[6], (String) fields[7], (String) fields[8],
				(Instant) fields[9], (Instant) fields[10], (String) fields[11], (Instant) fields[12],
				people(fields[13]));
	}

	private static int field(String name) {
		return switch (name) {
			case "schemaVersion" -> 0;
			case "eventId" -> 1;
			case "fetchId" -> 2;
			case "provider" -> 3;
			case "repository" -> 4;
			case "sha" -> 5;
			case "authorName" -> 6;
			case "authorEmail" -> 7;
			case "authorLogin" -> 8;
			case "authoredAt" -> 9;
			case "committedAt" -> 10;
			case "messageHeadline" -> 11;
			case "discoveredAt" -> 12;
			case "coAuthors" -> 13;
			default -> -1;
		};
	}

	private static Object schemaVersion(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
				? (Object) parser.getIntValue() : UNUSUAL;
	}

	private static Object text(JsonParser parser, JsonToken token) {
		return token == JsonToken.VALUE_STRING ? parser.getString() : token == JsonToken.VALUE_NULL ? null : UNUSUAL;
	}

	/** {@code coAuthors}: null, or an array of people (each null or an object). */
	private static Object people(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token != JsonToken.START_ARRAY) {
			return UNUSUAL;
		}
		List<CommitDiscovered.Person> people = new ArrayList<>();
		for (JsonToken each = parser.nextToken(); each != JsonToken.END_ARRAY; each = parser.nextToken()) {
			if (each == JsonToken.VALUE_NULL) {
				people.add(null);
				continue;
			}
			if (each != JsonToken.START_OBJECT) {
				return UNUSUAL;
			}
			Object person = person(parser);
			if (person == UNUSUAL) {
				return UNUSUAL;
			}
			people.add((CommitDiscovered.Person) person);
		}
		return people;
	}

	private static Object person(JsonParser parser) {
		Object[] fields = { UNUSUAL, UNUSUAL };
		for (String field = parser.nextName(); field != null; field = parser.nextName()) {
			JsonToken token = parser.nextToken();
			int index = field.equals("name") ? 0 : field.equals("email") ? 1 : -1;
			if (index < 0) {
				parser.skipChildren();
				continue;
			}
			if (fields[index] != UNUSUAL) {
				return UNUSUAL;
			}
			fields[index] = text(parser, token);
			if (fields[index] == UNUSUAL) {
				return UNUSUAL;
			}
		}
		return new CommitDiscovered.Person(fields[0] == UNUSUAL ? null : (String) fields[0],
				fields[1] == UNUSUAL ? null : (String) fields[1]);
	}

	@SuppressWarnings("unchecked")
	private static List<CommitDiscovered.Person> people(Object read) {
		return (List<CommitDiscovered.Person>) read;
	}

	/**
	 * A canonical uuid, or {@link #UNUSUAL}; its bits read in the same pass that checks
	 * its form.
	 */
	private static Object uuid(String text) {
		if (text == null) {
			return null;
		}
		if (text.length() != 36) {
			return UNUSUAL;
		}
		long mostSignificant = 0;
		long leastSignificant = 0;
		for (int i = 0; i < 36; i++) {
			char c = text.charAt(i);
			if (i == 8 || i == 13 || i == 18 || i == 23) {
				if (c != '-') {
					return UNUSUAL;
				}
				continue;
			}
			int digit = c >= '0' && c <= '9' ? c - '0'
					: c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (digit < 0) {
				return UNUSUAL;
			}
			if (i < 18) {
				mostSignificant = mostSignificant << 4 | digit;
			}
			else {
				leastSignificant = leastSignificant << 4 | digit;
			}
		}
		return new UUID(mostSignificant, leastSignificant);
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} with a valid date and time, or
	 * {@link #UNUSUAL}.
	 */
	private static Object instant(String text) {
		if (text == null) {
			return null;
		}
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
				|| (length > 20 && (length == 21 || text.charAt(19) != '.'))) {
			return UNUSUAL;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
			return UNUSUAL;
		}
		int nanos = fraction * SCALE[Math.max(0, length - 21)];
		return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
	}

	/** The decimal number in {@code [from, to)}, or -1 if a character is not a digit. */
	private static int digits(String text, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

}
