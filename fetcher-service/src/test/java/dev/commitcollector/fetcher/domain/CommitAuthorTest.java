package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitAuthorTest {

	@Test
	void keepsTheNameAndTheEmailWithoutTheBlanksAroundThemAsGitWritesThem() {
		CommitAuthor author = new CommitAuthor("  Ada Lovelace\t", "  Ada@Example.ORG \n", "ada");

		assertThat(author.name()).isEqualTo("Ada Lovelace");
		assertThat(author.email()).as("the case kept: only the key is lowercased").isEqualTo("Ada@Example.ORG");
		assertThat(new CommitAuthor(null, "   ", null).email()).isEmpty();
	}

}
