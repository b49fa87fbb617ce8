package dev.commitcollector.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RepositoryKeyTest {

	@Test
	void namesAGitLabProjectBelowTwentyLevelsOfSubgroupsAsTheFetcherTakesIt() {
		String path = IntStream.rangeClosed(0, 20).mapToObj(i -> "g" + i).collect(Collectors.joining("/")) + "/p";

		assertThat(new RepositoryKey("gitlab", path).path()).isEqualTo(path);
		assertThatThrownBy(() -> new RepositoryKey("gitlab", "x/" + path))
			.isInstanceOf(RepositoryKey.InvalidRepositoryKey.class);
	}

	@Test
	void acceptsTwoDotsWithinANameButNotAsAPart() {
		assertThat(new RepositoryKey("github", "acme/foo..bar").path()).isEqualTo("acme/foo..bar");
		assertThat(new RepositoryKey("github", "acme/..x").path()).isEqualTo("acme/..x");
		assertThatThrownBy(() -> new RepositoryKey("github", "acme/..")).hasMessageContaining("no part '.' or '..'");
		assertThatThrownBy(() -> new RepositoryKey("github", "../widgets"))
			.isInstanceOf(RepositoryKey.InvalidRepositoryKey.class);
		assertThatThrownBy(() -> new RepositoryKey("github", "acme/./x"))
			.isInstanceOf(RepositoryKey.InvalidRepositoryKey.class);
	}

}
