package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class InstantTextTest {

	private final char[] buffer = new char[InstantText.MAX_LENGTH];

	@Test
	void writesWhatInstantToStringWritesOnTheEdgesOfDaysYearsAndFractions() {
		for (String text : new String[] { "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z",
				"9999-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00Z", "2024-02-29T23:59:59.000001Z",
				"1900-03-01T00:00:01Z", "2100-02-28T23:00:00.5Z", "2024-05-01T09:30:00.010Z",
				"2024-05-01T09:30:00.123456Z", "2024-05-01T09:30:00.000000001Z", "1600-12-31T23:59:59Z",
				"0400-03-01T00:00:00Z", "2038-01-19T03:14:08Z" }) {
			Instant instant = Instant.parse(text);
			assertThat(written(instant)).isEqualTo(instant.toString());
		}
	}

	@Test
	void writesWhatInstantToStringWritesForAnyInstantFromYearOneToYear9999() {
		SplittableRandom random = new SplittableRandom(10);
		long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
		long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 200_000; i++) {
			int nanos = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1_000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nanos);
			assertThat(written(instant)).isEqualTo(instant.toString());
		}
	}

	@Test
	void leavesYearsOutsideOneTo9999ToInstantToString() {
		assertThat(InstantText.write(Instant.parse("0000-12-31T23:59:59.999Z"), buffer)).isEqualTo(-1);
		assertThat(InstantText.write(Instant.parse("+10000-01-01T00:00:00Z"), buffer)).isEqualTo(-1);
		assertThat(InstantText.write(Instant.MIN, buffer)).isEqualTo(-1);
	}

	private String written(Instant instant) {
		return new String(buffer, 0, InstantText.write(instant, buffer));
	}

}
