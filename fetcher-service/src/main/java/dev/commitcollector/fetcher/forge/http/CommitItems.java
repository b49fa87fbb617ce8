package dev.commitcollector.fetcher.forge.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading any forge's commit items: an item the forge left incomplete fails the page with
 * a message naming the commit. Nothing is made up to fill a gap.
 */
public final class CommitItems {

	private static final Logger log = LoggerFactory.getLogger(CommitItems.class);

	/** The most UTF-8 bytes of what a forge sent that a refusal quotes. */
	private static final int QUOTED_BYTES = 200;

	private CommitItems() {
	}

	/**
	 * Every item made a commit by {@code toCommit}, which may throw
	 * {@link IllegalArgumentException}, {@link NullPointerException} or
	 * {@link DateTimeParseException} for an item it cannot make whole. Such an item is
	 * set aside, logged with its sha and why, and counted, so that one bad item does not
	 * hold up the commits around it; nothing is made up for it. No list at all is a
	 * malformed answer.
	 */
	public static <T> Read toDomain(String forge, List<T> items, Function<T, String> sha,
			Function<T, DiscoveredCommit> toCommit) {
		if (items == null) {
			throw new ForgeFailure.MalformedAnswer(forge + " answered with no commit list where one was expected");
		}
		List<DiscoveredCommit> commits = new ArrayList<>(items.size());
		int unreadable = 0;
		for (T item : items) {
			if (item == null) {
				unreadable++;
				log.warn("{} sent an empty item in its commit list; it is set aside", forge);
				continue;
			}
			try {
				commits.add(toCommit.apply(item));
			}
			catch (IllegalArgumentException | NullPointerException | DateTimeParseException ex) {
				unreadable++;
				log.warn("{} sent a commit ({}) that cannot be read; it is set aside: {}", forge,
						ForgeText.clean(String.valueOf(sha.apply(item)), QUOTED_BYTES),
						ForgeText.clean(ex.getMessage(), QUOTED_BYTES));
			}
		}
		return new Read(commits, unreadable);
	}

	/** The commits made of a page's items, and how many items were set aside. */
	public record Read(List<DiscoveredCommit> commits, int unreadable) {

		/** A page of these commits, its next page at {@code next}. */
		public CommitPage page(Optional<PageCursor> next) {
			return new CommitPage(commits, unreadable, next);
		}

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
