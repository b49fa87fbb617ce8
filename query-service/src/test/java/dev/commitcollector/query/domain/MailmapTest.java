package dev.commitcollector.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lookups against gitmailmap(5)'s example and its other forms; every expected answer is
 * what {@code git check-mailmap} (git 2.39) prints for the same file and identity.
 */
class MailmapTest {

	private static final Mailmap MAILMAP = new Mailmap(List.of(
			// gitmailmap(5), EXAMPLES, the full file
			entry("Joe R. Developer", null, null, "joe@example.com"),
			entry("Jane Doe", "jane@example.com", null, "jane@laptop.(none)"),
			entry("Jane Doe", "jane@example.com", null, "jane@desktop.(none)"),
			entry("Joe R. Developer", "joe@example.com", "Joe", "bugs@example.com"),
			entry("Jane Doe", "jane@example.com", "Jane", "bugs@example.com"),
			// gitmailmap(5) and git-shortlog(1): replace only the email; two names behind
			// one address
			entry(null, "cto@company.xx", null, "cto@coompany.xx"),
			entry("Other Author", "other@author.xx", "nick2", "bugs@company.xx"),
			entry("Some Dude", "some@dude.xx", "nick1", "bugs@company.xx"),
			// a later simple line for the same email replaces the name only
			entry("Later Name", null, null, "jane@laptop.(none)")));

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Joe Developer    | joe@example.com     | Joe R. Developer | -
			Joe R. Developer | joe@example.com     | Joe R. Developer | -
			Ünïcode          | JOE@EXAMPLE.COM     | Joe R. Developer | -
			Jane Doe         | jane@laptop.(none)  | Later Name       | jane@example.com
			Jane D.          | jane@desktop.(none) | Jane Doe         | jane@example.com
			Joe              | bugs@example.com    | Joe R. Developer | joe@example.com
			jane             | BUGS@example.com    | Jane Doe         | jane@example.com
			CTO              | CTO@coompany.xx     | -                | cto@company.xx
			NICK1            | bugs@company.xx     | Some Dude        | some@dude.xx
			""")
	void mapsAsGitCheckMailmapDoes(String name, String email, String properName, String properEmail) {
		assertThat(MAILMAP.map(name, email)).contains(new Mailmap.Target(properName, properEmail));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Someone | bugs@example.com
			nick3   | bugs@company.xx
			Ada     | ada@example.org
			""")
	void leavesAnIdentityNoEntryMatchesAsItIs(String name, String email) {
		assertThat(MAILMAP.map(name, email)).isEmpty();
		assertThat(Mailmap.NONE.map(name, email)).isEmpty();
	}

	private static Mailmap.Entry entry(String properName, String properEmail, String commitName, String commitEmail) {
		return new Mailmap.Entry(properName, properEmail, commitName, commitEmail);
	}

}
