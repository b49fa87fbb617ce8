package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commitcollector.query.web.AuthorIndexController.AuthorIndex;
import dev.commitcollector.query.web.AuthorIndexController.AuthorRow;
import dev.commitcollector.query.web.AuthorIndexController.CommitList;
import dev.commitcollector.query.web.AuthorIndexController.CommitRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keyset pages' own writer against Jackson's bean serialisation of the same records
 * without it ({@code Plain*} below, the views as they were): the same bytes for hostile
 * strings, nulls, fractions of seconds, years at the edges.
 */
class KeysetJsonTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String[] HOSTILE = { "", "plain", "quote \" backslash \\ slash /", "\u0000\u0001\u001f\u007f",
			"\b\f\n\r\t", "\u2028\u2029", "é ü ß Ω 漢字", "😀 \ud83d\ude00", "\ud800 lone surrogate", "</script>&<>'",
			"email:ada@example.org" };

	private static final Instant[] INSTANTS = { Instant.parse("2024-02-29T23:59:59.000001Z"),
			Instant.parse("1999-12-31T00:00:00Z"), Instant.parse("2024-05-01T09:30:00.5Z"),
			Instant.parse("2024-05-01T09:30:00.123456Z"), Instant.parse("0001-01-01T00:00:00Z"),
			Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
			Instant.parse("1969-12-31T23:59:59.999999999Z") };

	@Test
	void writesTheAuthorsPageAsBeanSerialisationDoes() {
		SplittableRandom random = new SplittableRandom(7);
		for (int round = 0; round < 300; round++) {
			List<AuthorRow> authors = new ArrayList<>();
			for (int i = random.nextInt(4); i > 0; i--) {
				long count = random.nextLong(0, 100_000);
				authors.add(new AuthorRow(maybeNull(random), maybeNull(random), strings(random), strings(random), count,
						random.nextInt(5) == 0 ? 0 : (double) count / random.nextLong(count + 1, 1_000_000),
						random.nextInt(8) == 0 ? null : pick(random, INSTANTS), random.nextLong(),
						random.nextBoolean() ? null : strings(random)));
			}
			AuthorIndex index = new AuthorIndex(pick(random, HOSTILE), pick(random, HOSTILE), random.nextLong(),
					random.nextLong(), random.nextInt(10) == 0 ? null : authors, maybeNull(random));

			assertThat(json.writeValueAsString(index)).isEqualTo(json.writeValueAsString(PlainAuthorIndex.of(index)));
		}
	}

	@Test
	void writesTheCommitsPageAsBeanSerialisationDoes() {
		SplittableRandom random = new SplittableRandom(11);
		for (int round = 0; round < 300; round++) {
			List<CommitRow> commits = new ArrayList<>();
			for (int i = random.nextInt(4); i > 0; i--) {
				commits.add(new CommitRow(pick(random, HOSTILE), random.nextInt(8) == 0 ? null : pick(random, INSTANTS),
						pick(random, INSTANTS), maybeNull(random), maybeNull(random)));
			}
			CommitList list = new CommitList(maybeNull(random), random.nextInt(10) == 0 ? null : commits,
					maybeNull(random));

			assertThat(json.writeValueAsString(list)).isEqualTo(json.writeValueAsString(PlainCommitList.of(list)));
		}
	}

	@Test
	void writesEscapesNullsSharesAndInstantsAsTheApiAlwaysHas() {
		AuthorIndex index = new AuthorIndex("github", "acme/x", 4, 2,
				List.of(new AuthorRow("email:\"q\"\\\u0001\t\u2028é😀</s>", null, List.of("Ünï \u0007"),
						List.of("h@x.org"), 2, 0.5, Instant.parse("2024-02-29T23:59:59.000001Z"), 0, null)),
				null);
		CommitList list = new CommitList("login:a",
				List.of(new CommitRow("s\u001fa", Instant.parse("2024-05-01T09:30:00.5Z"),
						Instant.parse("1999-12-31T00:00:00Z"), null, "https://x/s\u001fa")),
				"bmV4dA");

		assertThat(json.writeValueAsString(index)).isEqualTo("{\"provider\":\"github\",\"repository\":\"acme/x\","
				+ "\"totalCommits\":4,\"totalAuthors\":2,\"authors\":[{\"key\":\"email:\\\"q\\\"\\\\\\u0001\\t\u2028é😀</s>\","
				+ "\"login\":null,\"names\":[\"Ünï \\u0007\"],\"emails\":[\"h@x.org\"],\"commitCount\":2,\"share\":0.5,"
				+ "\"lastAuthoredAt\":\"2024-02-29T23:59:59.000001Z\",\"coAuthoredCount\":0}],\"next\":null}");
		assertThat(json.writeValueAsString(list))
			.isEqualTo("{\"author\":\"login:a\",\"commits\":[{\"sha\":\"s\\u001Fa\","
					+ "\"authoredAt\":\"2024-05-01T09:30:00.500Z\",\"committedAt\":\"1999-12-31T00:00:00Z\","
					+ "\"messageHeadline\":null,\"url\":\"https://x/s\\u001Fa\"}],\"next\":\"bmV4dA\"}");
	}

	private static String maybeNull(SplittableRandom random) {
		return random.nextInt(6) == 0 ? null : pick(random, HOSTILE);
	}

	private static List<String> strings(SplittableRandom random) {
		return random.nextInt(10) == 0 ? null : Arrays
			.asList(random.ints(random.nextInt(4), 0, HOSTILE.length).mapToObj(i -> HOSTILE[i]).toArray(String[]::new));
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	/** {@link AuthorIndex} as it was: a plain record, serialised bean by bean. */
	record PlainAuthorIndex(String provider, String repository, long totalCommits, long totalAuthors,
			List<PlainAuthorRow> authors, String next) {

		static PlainAuthorIndex of(AuthorIndex index) {
			return new PlainAuthorIndex(index.provider(), index.repository(), index.totalCommits(),
					index.totalAuthors(),
					index.authors() == null ? null : index.authors().stream().map(PlainAuthorRow::of).toList(),
					index.next());
		}

	}

	record PlainAuthorRow(String key, String login, List<String> names, List<String> emails, long commitCount,
			double share, Instant lastAuthoredAt, long coAuthoredCount,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<String> keys) {

		static PlainAuthorRow of(AuthorRow row) {
			return new PlainAuthorRow(row.key(), row.login(), row.names(), row.emails(), row.commitCount(), row.share(),
					row.lastAuthoredAt(), row.coAuthoredCount(), row.keys());
		}

	}

	/** {@link CommitList} as it was. */
	record PlainCommitList(String author, List<CommitRow> commits, String next) {

		static PlainCommitList of(CommitList list) {
			return new PlainCommitList(list.author(), list.commits(), list.next());
		}

	}

}
