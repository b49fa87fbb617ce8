package dev.commitcollector.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IdentityMergeTest {

	private static final Optional<NoreplyRule> GITHUB = Optional
		.of(new NoreplyRule(NoreplyRule.Form.GITHUB, "users.noreply.github.com"));

	/** gitmailmap(5)'s full example file. */
	private static final Mailmap GIT_EXAMPLE = new Mailmap(
			List.of(new Mailmap.Entry("Joe R. Developer", null, null, "joe@example.com"),
					new Mailmap.Entry("Jane Doe", "jane@example.com", null, "jane@laptop.(none)"),
					new Mailmap.Entry("Jane Doe", "jane@example.com", null, "jane@desktop.(none)"),
					new Mailmap.Entry("Joe R. Developer", "joe@example.com", "Joe", "bugs@example.com"),
					new Mailmap.Entry("Jane Doe", "jane@example.com", "Jane", "bugs@example.com")));

	@Test
	void foldsTheAddressesTheMailmapMapsToOneProperEmail() {
		List<Person> people = IdentityMerge
			.people(List.of(author("email:jane@example.com", List.of("Jane Doe"), List.of("jane@example.com"), 5),
					author("email:jane@laptop.(none)", List.of("Jane Doe"), List.of("jane@laptop.(none)"), 3),
					author("email:jane@desktop.(none)", List.of("Jane D."), List.of("jane@desktop.(none)"), 2),
					author("email:joe@example.com", List.of("Joe Developer", "Joe R. Developer"),
							List.of("joe@example.com"), 4)),
					GIT_EXAMPLE, Optional.empty());

		assertThat(people).extracting(Person::key, Person::keys, Person::commitCount)
			.containsExactly(tuple("email:jane@example.com",
					List.of("email:jane@example.com", "email:jane@laptop.(none)", "email:jane@desktop.(none)"), 10L),
					tuple("email:joe@example.com", List.of("email:joe@example.com"), 4L));
		assertThat(people.get(0).names()).containsExactly("Jane Doe", "Jane D.");
		assertThat(people.get(1).names()).first().isEqualTo("Joe R. Developer");
	}

	@Test
	void neverSplitsNorFoldsAnAddressTheMailmapGivesToDifferentPeopleByName() {
		List<Person> people = IdentityMerge.people(
				List.of(author("email:bugs@example.com", List.of("Jane", "Joe"), List.of("bugs@example.com"), 2),
						author("email:joe@example.com", List.of("Joe"), List.of("joe@example.com"), 1),
						author("email:jane@example.com", List.of("Jane"), List.of("jane@example.com"), 1)),
				GIT_EXAMPLE, Optional.empty());

		assertThat(people).extracting(Person::key)
			.containsExactly("email:bugs@example.com", "email:jane@example.com", "email:joe@example.com");
	}

	@Test
	void foldsEachFormOfAGitHubNoreplyAddressIntoTheAccount() {
		List<Person> people = IdentityMerge
			.people(List.of(author("login:octocat", List.of("The Octocat"), List.of("octocat@github.com"), 7),
					author("email:583231+octocat@users.noreply.github.com", List.of("Octo"),
							List.of("583231+octocat@users.noreply.github.com"), 2),
					author("email:octocat@users.noreply.github.com", List.of("octocat"),
							List.of("octocat@users.noreply.github.com"), 1),
					author("email:hubot@users.noreply.gitlab.com", List.of("Hubot"),
							List.of("hubot@users.noreply.gitlab.com"), 1)),
					Mailmap.NONE, GITHUB);

		assertThat(people).extracting(Person::key, Person::commitCount)
			.containsExactly(tuple("login:octocat", 10L), tuple("email:hubot@users.noreply.gitlab.com", 1L));
		assertThat(people.get(0).emails()).containsExactly("octocat@github.com",
				"583231+octocat@users.noreply.github.com", "octocat@users.noreply.github.com");
	}

	@Test
	void addsTheCoAuthoredCountOfACoAuthorWhoNeverAuthoredToThePersonTheyAreAndDropsTheRest() {
		List<Person> people = IdentityMerge.people(List.of(
				new Identity("login:octocat", "octocat", List.of("Octo"), List.of("o@example.org"), 3, 1,
						Instant.parse("2024-01-02T00:00:00Z")),
				new Identity("email:1+octocat@users.noreply.github.com", null, List.of("Octo"),
						List.of("1+octocat@users.noreply.github.com"), 0, 4, null),
				new Identity("email:grace@example.org", null, List.of("Grace"), List.of("grace@example.org"), 0, 2,
						null)),
				Mailmap.NONE, GITHUB);

		assertThat(people).singleElement().satisfies(person -> {
			assertThat(person.coAuthoredCount()).isEqualTo(5);
			assertThat(person.commitCount()).isEqualTo(3);
			assertThat(person.login()).isEqualTo("octocat");
			assertThat(person.lastAuthoredAt()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
		});
	}

	@Test
	void keepsEveryIdentityAsItsOwnPersonWithoutAMailmapOrANoreplyAddress() {
		List<Identity> raw = List.of(author("email:b@example.org", List.of("Ada"), List.of("b@example.org"), 2),
				author("email:a@example.org", List.of("Ada"), List.of("a@example.org"), 2),
				author("login:ada", List.of("Ada"), List.of("c@example.org"), 5));

		assertThat(IdentityMerge.people(raw, Mailmap.NONE, GITHUB)).extracting(Person::key)
			.containsExactly("login:ada", "email:a@example.org", "email:b@example.org");
	}

	@Test
	void neverFoldsPeopleTogetherForAnEmptyAddress() {
		List<Identity> raw = List.of(author("login:ada", List.of("Ada"), List.of(""), 3),
				author("login:grace", List.of("Grace"), List.of(""), 2),
				author("name:linus", List.of("Linus"), List.of(""), 1));

		List<Person> people = IdentityMerge.people(raw, Mailmap.NONE, GITHUB);

		assertThat(people).extracting(Person::key).containsExactly("login:ada", "login:grace", "name:linus");
	}

	private static Identity author(String key, List<String> names, List<String> emails, long commits) {
		return new Identity(key, key.startsWith("login:") ? key.substring(6) : null, names, emails, commits, 0,
				Instant.parse("2024-01-01T00:00:00Z"));
	}

}
