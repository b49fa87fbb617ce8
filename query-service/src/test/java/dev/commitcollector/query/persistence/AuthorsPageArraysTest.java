package dev.commitcollector.query.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import dev.commitcollector.query.QueryIntegrationTest;
import dev.commitcollector.query.TestInfrastructure;
import dev.commitcollector.query.domain.AuthorSummary;
import dev.commitcollector.query.domain.RepositoryAuthors;
import dev.commitcollector.query.domain.RepositoryKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authors page read as one row of arrays from the real PostgreSQL, through the
 * service's own connections (binary results): each author gets back exactly the names and
 * emails stored, whatever they hold.
 */
class AuthorsPageArraysTest extends QueryIntegrationTest {

	private static final Instant NOON = Instant.parse("2024-05-01T12:00:00Z");

	/** What PostgreSQL's text form of an array would have to quote or escape. */
	private static final List<String> HOSTILE = Arrays.asList("a,b", "\"quoted\"", "{braced}", "back\\slash", "NULL",
			"null", "", " padded ", "semi;colon", "new\nline", "\u00c6var Arnfj\u00f6r\u00f0",
			"rocket \ud83d\ude80 \ud834\udd1e", "{\"a\",\\\"b\\\"}", null);

	@Autowired
	KeysetReadModel keyset;

	@Test
	void givesBackEveryNameAndEmailExactlyAsStoredWhateverCharactersTheyHold() throws SQLException {
		List<String> emails = HOSTILE.stream().map(h -> h == null ? null : h + "@example.org").toList();
		stored("acme/arrays-hostile", author("email:hostile", 9, HOSTILE, emails),
				author("email:plain", 5, List.of("Plain, Person"), List.of("plain@example.org")));

		List<AuthorSummary> page = page("acme/arrays-hostile", 50, null).authors().items();

		assertThat(page).extracting(AuthorSummary::key).containsExactly("email:hostile", "email:plain");
		assertThat(page.get(0).names()).containsExactlyElementsOf(HOSTILE);
		assertThat(page.get(0).emails()).containsExactlyElementsOf(emails);
		assertThat(page.get(1).names()).containsExactly("Plain, Person");
	}

	@Test
	void givesAuthorsWithoutNamesOrEmailsEmptyListsWithoutShiftingTheirNeighbours() throws SQLException {
		stored("acme/arrays-empty", author("a", 4, List.of("Ann"), List.of()),
				author("b", 3, List.of(), List.of("b@example.org")), author("c", 2, List.of(), List.of()),
				author("d", 1, List.of("Dee", "D."), List.of("d@example.org", "dee@example.org")));

		List<AuthorSummary> page = page("acme/arrays-empty", 50, null).authors().items();

		assertThat(page).extracting(AuthorSummary::names)
			.containsExactly(List.of("Ann"), List.of(), List.of(), List.of("Dee", "D."));
		assertThat(page).extracting(AuthorSummary::emails)
			.containsExactly(List.of(), List.of("b@example.org"), List.of(),
					List.of("d@example.org", "dee@example.org"));
	}

	@Test
	void givesAnAuthorAllThirtyTwoNamesAndEmailsTheStoreKeeps() throws SQLException {
		List<String> names = IntStream.rangeClosed(1, 32).mapToObj(i -> "Name \ud83d\ude00 " + i).toList();
		List<String> emails = IntStream.rangeClosed(1, 32).mapToObj(i -> "n" + i + "@example.org").toList();
		stored("acme/arrays-many", author("many", 2, names, emails), author("one", 1, List.of("One"), List.of()));

		List<AuthorSummary> page = page("acme/arrays-many", 50, null).authors().items();

		assertThat(page.get(0).names()).containsExactlyElementsOf(names);
		assertThat(page.get(0).emails()).containsExactlyElementsOf(emails);
		assertThat(page.get(1).names()).containsExactly("One");
		assertThat(page.get(1).emails()).isEmpty();
	}

	@Test
	void readsTheSameAuthorsWhenAFilterPicksThemOut() throws SQLException {
		stored("acme/arrays-filter", author("a", 3, List.of("{brace}", "x"), List.of("a@example.org")),
				author("b", 2, List.of("plain"), List.of("b@example.org")),
				author("c", 1, List.of("y", "also {brace}"), List.of()));

		List<AuthorSummary> page = page("acme/arrays-filter", 50, "{brace").authors().items();

		assertThat(page).extracting(AuthorSummary::key).containsExactly("a", "c");
		assertThat(page).extracting(AuthorSummary::names)
			.containsExactly(List.of("{brace}", "x"), List.of("y", "also {brace}"));
		assertThat(page).extracting(AuthorSummary::emails).containsExactly(List.of("a@example.org"), List.of());
	}

	@Test
	void answersTheRepositorysCountsWhenNoAuthorMatches() throws SQLException {
		stored("acme/arrays-none", author("a", 3, List.of("Ann"), List.of("a@example.org")));

		RepositoryAuthors page = page("acme/arrays-none", 50, "nobody by this name");

		assertThat(page.repository().commitCount()).isEqualTo(3);
		assertThat(page.repository().authorCount()).isEqualTo(1);
		assertThat(page.repository().lastStoredAt()).isNotNull();
		assertThat(page.authors().items()).isEmpty();
		assertThat(page.authors().next()).isNull();
	}

	@Test
	void answersNothingForARepositoryNotStored() {
		assertThat(keyset.authors(new RepositoryKey("github", "acme/arrays-never"), null, 50, null).blockOptional())
			.isEmpty();
	}

	@Test
	void pagesThroughAuthorsWithTheCursorOfEachPagesLastAuthor() throws SQLException {
		stored("acme/arrays-pages", author("a", 3, List.of("A"), List.of()), author("b", 2, List.of("B"), List.of()),
				author("c", 2, List.of("C1", "C2"), List.of()), author("d", 1, List.of(), List.of("d@example.org")));

		RepositoryAuthors first = page("acme/arrays-pages", 2, null);
		RepositoryAuthors second = keyset
			.authors(new RepositoryKey("github", "acme/arrays-pages"), first.authors().next(), 2, null)
			.block();

		assertThat(first.authors().items()).extracting(AuthorSummary::key).containsExactly("a", "b");
		assertThat(second.authors().items()).extracting(AuthorSummary::key).containsExactly("c", "d");
		assertThat(second.authors().items()).extracting(AuthorSummary::names)
			.containsExactly(List.of("C1", "C2"), List.of());
		assertThat(second.authors().next()).isNull();
	}

	private RepositoryAuthors page(String repository, int size, String filter) {
		return keyset.authors(new RepositoryKey("github", repository), null, size, filter).block();
	}

	private record Author(String key, long commits, List<String> names, List<String> emails) {
	}

	private static Author author(String key, long commits, List<String> names, List<String> emails) {
		return new Author(key, commits, names, emails);
	}

	/**
	 * The authors and repository rows as given, written straight to the tables (the
	 * store's own rules would drop empty and repeated names, which is what these tests
	 * need to read back).
	 */
	private static void stored(String repository, Author... authors) throws SQLException {
		try (Connection connection = TestInfrastructure.database().asOwner()) {
			connection.setAutoCommit(false);
			for (String table : List.of("authors", "repositories", "co_authors")) {
				try (PreparedStatement delete = connection
					.prepareStatement("delete from " + table + " where provider = 'github' and repository = ?")) {
					delete.setString(1, repository);
					delete.executeUpdate();
				}
			}
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into authors (provider, repository, author_key, login, names, emails, commit_count,
					                     last_authored_at)
					values ('github', ?, ?, null, ?, ?, ?, ?)""")) {
				for (Author author : authors) {
					insert.setString(1, repository);
					insert.setString(2, author.key());
					insert.setArray(3, connection.createArrayOf("text", new ArrayList<>(author.names()).toArray()));
					insert.setArray(4, connection.createArrayOf("text", new ArrayList<>(author.emails()).toArray()));
					insert.setLong(5, author.commits());
					insert.setObject(6, NOON.atOffset(ZoneOffset.UTC));
					insert.addBatch();
				}
				insert.executeBatch();
			}
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into repositories (provider, repository, commit_count, author_count, last_stored_at)
					values ('github', ?, ?, ?, now())""")) {
				insert.setString(1, repository);
				insert.setLong(2, Arrays.stream(authors).mapToLong(Author::commits).sum());
				insert.setLong(3, authors.length);
				insert.executeUpdate();
			}
			connection.commit();
		}
	}

}
