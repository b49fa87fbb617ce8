package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForgeTypeTest {

	@Test
	void gitLabTakesNestedGroupsAndOthersTakeOwnerAndName() {
		RepositoryPath nested = ForgeType.GITLAB.parsePath("acme/platform/tools/widgets");

		assertThat(nested.owner()).isEqualTo("acme/platform/tools");
		assertThat(nested.name()).isEqualTo("widgets");
		assertThat(nested.toString()).isEqualTo("acme/platform/tools/widgets");
		assertThatThrownBy(() -> ForgeType.GITHUB.parsePath("acme/platform/widgets"))
			.isInstanceOf(RepositoryPath.InvalidRepositoryPath.class);
		assertThat(ForgeType.BITBUCKET.parsePath("team/repo").owner()).isEqualTo("team");
	}

	@Test
	void takesAGitLabProjectBelowTwentyLevelsOfSubgroups() {
		String subgroups = String.join("/", "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9", "g10", "g11",
				"g12", "g13", "g14", "g15", "g16", "g17", "g18", "g19", "g20");
		String project = "p".repeat(200);

		RepositoryPath deepest = ForgeType.GITLAB.parsePath(subgroups + "/" + project);

		assertThat(deepest.owner()).isEqualTo(subgroups);
		assertThat(deepest.name()).isEqualTo(project);
	}

	@Test
	void refusesTraversalSchemesAndEmptySegmentsInNestedPaths() {
		for (String bad : new String[] { "acme/../etc/passwd", "https://gitlab.com/a/b", "acme//widgets", "/acme/b",
				"acme/b/", "a", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w" }) {
			assertThatThrownBy(() -> ForgeType.GITLAB.parsePath(bad)).as(bad)
				.isInstanceOf(RepositoryPath.InvalidRepositoryPath.class);
		}
	}

	@Test
	void readsAForgesNameCopiedFromACloneUrlAsTheRepositoryItself() {
		assertThat(ForgeType.GITHUB.parsePath("acme/widgets.git")).hasToString("acme/widgets");
		assertThat(ForgeType.GITEA.parsePath("acme/widgets.GIT")).hasToString("acme/widgets");
		assertThat(ForgeType.BITBUCKET.parsePath("team/repo.git")).hasToString("team/repo");
		assertThat(ForgeType.GITLAB.parsePath("acme/platform/widgets.git")).hasToString("acme/platform/widgets");
		assertThat(ForgeType.GITHUB.parsePath("acme/widgets.github.io")).hasToString("acme/widgets.github.io");
		assertThat(ForgeType.GITHUB.parsePath("acme/.git")).hasToString("acme/.git");
	}

	@Test
	void readsAPlainGitPathEndingInDotGitAsTheDirectoryItsRemoteNames() {
		// the remote adds .git: mirrors/widgets.git and mirrors/widgets are one directory
		assertThat(ForgeType.GIT.parsePath("mirrors/widgets.git")).hasToString("mirrors/widgets");
		assertThat(ForgeType.GIT.parsePath("mirrors/widgets")).hasToString("mirrors/widgets");
		// file names keep their case: widgets.GIT is the directory widgets.GIT.git
		assertThat(ForgeType.GIT.parsePath("mirrors/widgets.GIT")).hasToString("mirrors/widgets.GIT");
		assertThat(ForgeType.GIT.parsePath("mirrors/.git")).hasToString("mirrors/.git");
	}

}
