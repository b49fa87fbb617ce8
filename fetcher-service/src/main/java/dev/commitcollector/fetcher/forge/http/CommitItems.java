package dev.commitcollector.fetcher.forge.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeText;

/**
 * Reading any forge's commit items: an item the forge left incomplete fails the page with
 * a message naming the commit. Nothing is made up to fill a gap.
 */
public final class CommitItems {

	/** The most UTF-8 bytes of what a forge sent that a refusal quotes. */
	private static final int QUOTED_BYTES = 200;

	private CommitItems() {
	}

	/**
	 * Every item made a commit by {@code toCommit}, which may throw
	 * {@link IllegalArgumentException}, {@link NullPointerException} or
	 * {@link DateTimeParseException} for an item it cannot make whole.
	 */
	public static <T> List<DiscoveredCommit> toDomain(String forge, List<T> items, Function<T, String> sha,
			Function<T, DiscoveredCommit> toCommit) {
		if (items == null) {
			throw new ForgeFailure.MalformedAnswer(forge + " answered with no commit list where one was expected");
		}
		return items.stream().map(item -> {
			if (item == null) {
				throw new ForgeFailure.MalformedAnswer(forge + " answered with an empty item in the commit list");
			}
			try {
				return toCommit.apply(item);
			}
			catch (IllegalArgumentException | NullPointerException | DateTimeParseException ex) {
				throw new ForgeFailure.MalformedAnswer(forge + " answered with a commit ("
						+ ForgeText.clean(String.valueOf(sha.apply(item)), QUOTED_BYTES) + ") that is incomplete: "
						+ ForgeText.clean(ex.getMessage(), QUOTED_BYTES));
			}
		}).toList();
	}

	/** An ISO 8601 date with an offset, as every forge writes them. */
	public static Instant instant(String date) {
		if (date == null) {
			throw new IllegalArgumentException("a date is missing");
		}
		return OffsetDateTime.parse(date).toInstant();
	}

	/** The parents' shas that are there. */
	public static <P> List<String> shas(List<P> parents, Function<P, String> sha) {
		return parents == null ? List.of()
				: parents.stream().filter(Objects::nonNull).map(sha).filter(Objects::nonNull).toList();
	}

}
