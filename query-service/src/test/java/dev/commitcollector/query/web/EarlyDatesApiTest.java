package dev.commitcollector.query.web;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Commits dated before the Gregorian reform of 1582 (git accepts any date, and imported
 * histories carry such dates) read back as stored: PostgreSQL and {@link Instant} count
 * in the same proleptic Gregorian calendar, and no page may move a date into the Julian
 * one, which also left keyset paging finding the same commit forever.
 */
class EarlyDatesApiTest extends QueryIntegrationTest {

	private static final String REPOSITORY = "acme/early-dates";

	private static final List<String> DATES = List.of("1970-01-01T00:00:00Z", "1582-10-20T00:00:00Z",
			"1582-10-10T12:00:00Z", "1500-03-15T00:00:00Z", "1500-01-01T00:00:00Z", "0999-06-15T12:00:00.500Z",
			"0001-01-01T00:00:00Z");

	@Test
	void pagesAnAuthorsCommitsDatedBeforeTheReformOneByOneToTheLastWithTheirDatesAsStored() {
		store();

		List<String> dates = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = get("/api/v1/authors/login:old/commits?repository=" + REPOSITORY + "&size=1"
					+ (after == null ? "" : "&after=" + after));
			page.get("commits").forEach(commit -> dates.add(commit.get("authoredAt").asString()));
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null && dates.size() <= DATES.size());

		assertThat(dates).containsExactlyElementsOf(DATES);
	}

	@Test
	void groupsCommitsDatedBeforeTheReformWithTheirDatesAsStored() {
		store();

		JsonNode author = get("/api/v1/authors?repository=" + REPOSITORY).get("authors").get(0);

		assertThat(author.get("commits").findValuesAsString("authoredAt")).containsExactlyElementsOf(DATES);
	}

	@Test
	void givesTheLastAuthoredDateBeforeTheReformAsStoredOnTheAuthorsPage() {
		aRepository("github", REPOSITORY)
			.commit("a".repeat(40), "login:old", "old", "Old", "old@example.org", Instant.parse("1500-01-01T00:00:00Z"))
			.commit("b".repeat(40), "login:old", "old", "Old", "old@example.org", Instant.parse("0001-01-01T00:00:00Z"))
			.store();

		JsonNode author = get("/api/v1/repository/authors?repository=" + REPOSITORY).get("authors").get(0);

		assertThat(author.get("lastAuthoredAt").asString()).isEqualTo("1500-01-01T00:00:00Z");
	}

	@Test
	void countsCommitsDatedBeforeTheReformOnTheirOwnDays() {
		aRepository("github", REPOSITORY)
			.commit("a".repeat(40), "login:old", "old", "Old", "old@example.org", Instant.parse("1500-01-01T00:00:00Z"))
			.commit("b".repeat(40), "login:old", "old", "Old", "old@example.org", Instant.parse("1500-03-15T00:00:00Z"))
			.store();

		JsonNode activity = get("/api/v1/repository/activity?repository=" + REPOSITORY + "&by=day&periods=75");

		List<String> busy = new ArrayList<>();
		activity.get("periods").forEach(period -> {
			if (period.get("commits").asInt() > 0) {
				busy.add(period.get("start").asString());
			}
		});
		assertThat(busy).containsExactly("1500-01-01", "1500-03-15");
	}

	private static void store() {
		var stored = aRepository("github", REPOSITORY);
		for (int i = 0; i < DATES.size(); i++) {
			stored.commit(String.format("%040x", i + 1), "login:old", "old", "Old", "old@example.org",
					Instant.parse(DATES.get(i)));
		}
		stored.store();
	}

}
