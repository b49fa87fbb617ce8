package dev.commitcollector.query.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Commits over time: the periods (days, ISO weeks from Monday, or calendar months, in
 * UTC) of a window that ends with the period of a repository's newest commit, and how
 * many commits fall into each.
 */
public final class Activity {

	private Activity() {
	}

	/** How many commits were authored on one day (UTC). */
	public record DayCount(LocalDate day, long commits) {
	}

	/** The length of a period. */
	public enum Period {

		DAY, WEEK, MONTH;

		/** The period that a history from {@code first} to {@code last} fits best. */
		public static Period fitting(LocalDate first, LocalDate last) {
			long days = ChronoUnit.DAYS.between(first, last);
			if (days <= 62) {
				return DAY;
			}
			return days <= 26 * 7 ? WEEK : MONTH;
		}

		/** {@code day}, {@code week} or {@code month}; empty for anything else. */
		public static Optional<Period> named(String name) {
			for (Period period : values()) {
				if (period.toString().equals(name)) {
					return Optional.of(period);
				}
			}
			return Optional.empty();
		}

		public LocalDate startOf(LocalDate day) {
			return switch (this) {
				case DAY -> day;
				case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case MONTH -> day.withDayOfMonth(1);
			};
		}

		LocalDate plus(LocalDate start, long periods) {
			return switch (this) {
				case DAY -> start.plusDays(periods);
				case WEEK -> start.plusWeeks(periods);
				case MONTH -> start.plusMonths(periods);
			};
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * At most {@code size} consecutive periods, oldest first, that end with the one of
	 * the newest commit and start no earlier than the one of the oldest.
	 */
	public record Timeline(Period by, List<LocalDate> starts) {

		public Timeline {
			starts = List.copyOf(starts);
		}

		/**
		 * The window of a repository whose commits fall on {@code days} (any order);
		 * {@code by} null picks the period that fits its history ({@link #fitFrom}) and
		 * starts the window no earlier than that history. A commit dated after
		 * {@code today} (a clock set wrong, or a hostile date) does not move the window:
		 * it would leave every other commit out of it.
		 */
		public static Timeline of(List<DayCount> days, Period by, int size, LocalDate today) {
			LocalDate first = days.stream().map(DayCount::day).min(LocalDate::compareTo).orElse(null);
			if (first == null || first.isAfter(today)) {
				return new Timeline(by == null ? Period.MONTH : by, List.of());
			}
			LocalDate last = days.stream()
				.map(DayCount::day)
				.filter(day -> !day.isAfter(today))
				.max(LocalDate::compareTo)
				.orElseThrow();
			LocalDate from = by == null ? fitFrom(days, today) : first;
			Period period = by == null ? Period.fitting(from, last) : by;
			LocalDate end = period.startOf(last);
			LocalDate earliest = period.plus(end, -(size - 1L));
			LocalDate start = period.startOf(from).isAfter(earliest) ? period.startOf(from) : earliest;
			List<LocalDate> starts = new ArrayList<>();
			for (LocalDate s = start; !s.isAfter(end); s = period.plus(s, 1)) {
				starts.add(s);
			}
			return new Timeline(period, starts);
		}

		/**
		 * The day the history fits from: the oldest but for at most one in a hundred of
		 * its commits (those dated after {@code today} aside), so that a few commits
		 * dated years before the rest (a clock set wrong, a history imported with its
		 * dates lost) do not stretch the period that fits; they still count, in
		 * {@code earlier} when the window does not reach them.
		 */
		static LocalDate fitFrom(List<DayCount> days, LocalDate today) {
			List<DayCount> past = days.stream()
				.filter(day -> !day.day().isAfter(today))
				.sorted(Comparator.comparing(DayCount::day))
				.toList();
			long skippable = past.stream().mapToLong(DayCount::commits).sum() / 100;
			long skipped = 0;
			for (DayCount day : past) {
				skipped += day.commits();
				if (skipped > skippable) {
					return day.day();
				}
			}
			return past.get(past.size() - 1).day();
		}

		/** The first day of the window, or null when it is empty. */
		public LocalDate from() {
			return starts.isEmpty() ? null : starts.get(0);
		}

		/**
		 * Commits per period of the window, in its order, of the commits on {@code days};
		 * days outside the window are left out.
		 */
		public List<Long> counts(List<DayCount> days) {
			Map<LocalDate, Integer> index = new HashMap<>();
			for (int i = 0; i < starts.size(); i++) {
				index.put(starts.get(i), i);
			}
			long[] counts = new long[starts.size()];
			for (DayCount day : days) {
				Integer at = index.get(by.startOf(day.day()));
				if (at != null) {
					counts[at] += day.commits();
				}
			}
			List<Long> result = new ArrayList<>(counts.length);
			for (long count : counts) {
				result.add(count);
			}
			return result;
		}

		/**
		 * How many of the commits on {@code days} are newer than the window: dated after
		 * the day it was made on; all of them when it is empty.
		 */
		public long later(List<DayCount> days) {
			LocalDate after = starts.isEmpty() ? null : by.plus(starts.get(starts.size() - 1), 1);
			return days.stream()
				.filter(d -> after == null || !d.day().isBefore(after))
				.mapToLong(DayCount::commits)
				.sum();
		}

		/** How many of the commits on {@code days} are older than the window. */
		public long earlier(List<DayCount> days) {
			LocalDate from = from();
			return from == null ? 0
					: days.stream().filter(d -> d.day().isBefore(from)).mapToLong(DayCount::commits).sum();
		}

	}

}
