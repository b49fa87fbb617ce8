package dev.commitcollector.query.web;

import java.time.Instant;

/**
 * An {@link Instant} as {@link java.time.format.DateTimeFormatter#ISO_INSTANT} writes it
 * (what {@code Instant.toString()} and Jackson give): {@code 2024-05-01T09:30:00Z}, the
 * fraction of a second in groups of three digits as needed ({@code .250},
 * {@code .250001}, {@code .250000001}). Written straight into a {@code char[]}: on the
 * hot pages the formatter's way (a {@code LocalDateTime}, {@code StringBuilder}s) cost
 * more than the rest of a commit's row. Years outside 1 to 9999 go to
 * {@code Instant.toString()}.
 */
final class InstantText {

	/** Enough for any instant this class writes itself. */
	static final int MAX_LENGTH = 30;

	private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();

	private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

	private InstantText() {
	}

	/**
	 * Writes {@code instant} at the start of {@code into} ({@value #MAX_LENGTH} chars at
	 * least) and returns its length; -1 when it is outside the years 1 to 9999.
	 */
	static int write(Instant instant, char[] into) {
		long seconds = instant.getEpochSecond();
		if (seconds < FIRST || seconds > LAST) {
			return -1;
		}
		long days = Math.floorDiv(seconds, 86_400);
		int secondOfDay = (int) Math.floorMod(seconds, 86_400);
		// days to a civil date (proleptic Gregorian), eras of 400 years from 0000-03-01
		long shifted = days + 719_468;
		long era = Math.floorDiv(shifted, 146_097);
		int dayOfEra = (int) (shifted - era * 146_097);
		int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		int monthFromMarch = (5 * dayOfYear + 2) / 153;
		int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
		int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
		int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
		pair(into, 0, year / 100);
		pair(into, 2, year % 100);
		into[4] = '-';
		pair(into, 5, month);
		into[7] = '-';
		pair(into, 8, day);
		into[10] = 'T';
		pair(into, 11, secondOfDay / 3_600);
		into[13] = ':';
		pair(into, 14, secondOfDay / 60 % 60);
		into[16] = ':';
		pair(into, 17, secondOfDay % 60);
		int length = 19;
		int nanos = instant.getNano();
		if (nanos != 0) {
			into[length++] = '.';
			int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
			int value = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
			for (int i = length + digits - 1; i >= length; i--) {
				into[i] = (char) ('0' + value % 10);
				value /= 10;
			}
			length += digits;
		}
		into[length++] = 'Z';
		return length;
	}

	/** Two digits of {@code value} (0 to 99). */
	private static void pair(char[] into, int at, int value) {
		into[at] = (char) ('0' + value / 10);
		into[at + 1] = (char) ('0' + value % 10);
	}

}
