package dev.commitcollector.fetcher.forge.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading any forge's commit items: an item the forge left incomplete fails the page with
 * a message naming the commit. Nothing is made up to fill a gap.
 */
public final class CommitItems {

	private static final Logger log = LoggerFactory.getLogger(CommitItems.class);

	/** The most UTF-8 bytes of what a forge sent that a refusal quotes. */
	private static final int QUOTED_BYTES = 200;

	/** Binds one item at a time; the item types ignore what they do not name. */
	private static final JsonMapper ITEMS = JsonMapper.builder().build();

	private CommitItems() {
	}

	/**
	 * Every item of the JSON array {@code items} bound as {@code type} and made a commit
	 * by {@code toCommit}, which may throw {@link IllegalArgumentException},
	 * {@link NullPointerException} or {@link DateTimeParseException} for an item it
	 * cannot make whole. Items are bound one at a time, so an item in a shape
	 * {@code type} cannot take (a number where an object belongs) is set aside like one
	 * with a gap: logged with its sha (its {@code shaField}) and why, and counted, so
	 * that one bad item does not hold up the commits around it; nothing is made up for
	 * it. No list at all is a malformed answer.
	 */
	public static <T> Read toDomain(String forge, JsonNode items, Class<T> type, String shaField,
			Function<T, DiscoveredCommit> toCommit) {
		if (items == null || items.isMissingNode() || items.isNull()) {
			throw new ForgeFailure.MalformedAnswer(forge + " answered with no commit list where one was expected");
		}
		if (!items.isArray()) {
			throw new ForgeFailure.Unavailable(forge + " answered with a body that is not a commit list (a JSON "
					+ items.getNodeType().name().toLowerCase(Locale.ROOT) + " where an array was expected)");
		}
		List<DiscoveredCommit> commits = new ArrayList<>(items.size());
		int unreadable = 0;
		for (JsonNode item : items) {
			if (item.isNull()) {
				unreadable++;
				log.warn("{} sent an empty item in its commit list; it is set aside", forge);
				continue;
			}
			try {
				commits.add(toCommit.apply(ITEMS.treeToValue(item, type)));
			}
			catch (JacksonException | IllegalArgumentException | NullPointerException | DateTimeParseException ex) {
				unreadable++;
				log.warn("{} sent a commit ({}) that cannot be read; it is set aside: {}", forge,
						ForgeText.clean(item.path(shaField).stringValue("?"), QUOTED_BYTES),
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
