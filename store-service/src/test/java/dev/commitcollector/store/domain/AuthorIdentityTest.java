package dev.commitcollector.store.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AuthorIdentityTest {

	@Test
	void keysAnOrdinaryEmailByItsTrimmedLowercasedSelf() {
		assertThat(AuthorIdentity.of(null, " Ada@Example.ORG ").key()).isEqualTo("email:ada@example.org");
	}

	@Test
	void keysAnEmailTooLongToIndexByTheHashOfItsNormalisedForm() {
		String local = "a".repeat(3000);
		AuthorIdentity identity = AuthorIdentity.of(null, local + "@example.org");

		assertThat(identity.key()).matches("email-sha256:[0-9a-f]{64}");
		assertThat(AuthorIdentity.of("", " " + local.toUpperCase() + "@EXAMPLE.org ")).isEqualTo(identity);
		assertThat(AuthorIdentity.of(null, "b" + local + "@example.org")).isNotEqualTo(identity);
	}

	@Test
	void keysALoginTooLongToIndexByItsHashAndNeverAsAnEmail() {
		String login = "Ü".repeat(200);

		assertThat(AuthorIdentity.of(login, "ada@example.org").key()).startsWith("login-sha256:");
		assertThat(AuthorIdentity.of(login, null)).isEqualTo(AuthorIdentity.of(login.toLowerCase(), "x@y"));
	}

	@Test
	void neverMakesAKeyLongerThanTheIndexBound() {
		for (String email : new String[] { "x".repeat(313) + "@y", "李".repeat(200), "😀".repeat(500) }) {
			assertThat(AuthorIdentity.of(null, email).key().getBytes(StandardCharsets.UTF_8))
				.hasSizeLessThanOrEqualTo(AuthorIdentity.MAX_KEY_BYTES);
		}
	}

}
