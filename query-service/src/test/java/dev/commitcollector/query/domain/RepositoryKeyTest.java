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

}
