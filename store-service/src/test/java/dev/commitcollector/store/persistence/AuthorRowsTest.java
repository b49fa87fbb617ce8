package dev.commitcollector.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.commitcollector.store.Events;
import dev.commitcollector.store.domain.AuthorIdentity;
import dev.commitcollector.store.domain.CommitRecord;
import org.junit.jupiter.api.Test;

class AuthorRowsTest {

	private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

	@Test
	void foldsEachDistinctRepositoryAuthorAndSpellingIntoOneRowInTheOrderFirstMet() {
		AuthorRows rows = AuthorRows.of(List.of(commit("acme/a", "Ada", "ada@example.org", null, 1),
				commit("acme/a", "Bob", "bob@example.org", null, 2),
				commit("acme/a", "Ada", "ada@example.org", null, 5),
				commit("acme/a", "Ada L.", "ADA@example.org", null, 3),
				commit("acme/b", "Ada", "ada@example.org", null, 4),
				commit("acme/a", "Ada", "ada@example.org", "ada", 6),
				commit("acme/a", "Ada", "ada@example.org", null, 0)));

		assertThat(rows.size()).isEqualTo(5);
		assertThat(rows.column(AuthorRows.Row::repository)).containsExactly("acme/a", "acme/a", "acme/a", "acme/b",
				"acme/a");
		assertThat(rows.column(AuthorRows.Row::authorKey)).containsExactly("email:ada@example.org",
				"email:bob@example.org", "email:ada@example.org", "email:ada@example.org", "login:ada");
		assertThat(rows.column(AuthorRows.Row::name)).containsExactly("Ada", "Bob", "Ada L.", "Ada", "Ada");
		assertThat(rows.column(AuthorRows.Row::login)).containsExactly(null, null, null, null, "ada");
		assertThat(rows.commits()).containsExactly(3L, 1L, 1L, 1L, 1L);
		assertThat(rows.lastAuthoredAt()).containsExactly(T0.plusSeconds(5).toString(), T0.plusSeconds(2).toString(),
				T0.plusSeconds(3).toString(), T0.plusSeconds(4).toString(), T0.plusSeconds(6).toString());
	}

	private static CommitRecord commit(String repository, String name, String email, String login, int second) {
		return new CommitRecord("github", repository, Events.randomSha(), AuthorIdentity.of(login, email), name, email,
				login, T0.plusSeconds(second), T0.plusSeconds(second), "Commit " + second, UUID.randomUUID(),
				UUID.randomUUID());
	}

}
