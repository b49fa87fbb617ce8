package dev.commitcollector.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoreplyRuleTest {

	private static final NoreplyRule GITHUB = new NoreplyRule(NoreplyRule.Form.GITHUB, "users.noreply.github.com");

	private static final NoreplyRule GITLAB = new NoreplyRule(NoreplyRule.Form.GITLAB, "users.noreply.gitlab.com");

	private static final NoreplyRule CODEBERG = new NoreplyRule(NoreplyRule.Form.GITEA, "noreply.codeberg.org");

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			github   | 12345+octocat@users.noreply.github.com                 | octocat
			github   | octocat@users.noreply.github.com                       | octocat
			github   | 583231+Octo-Cat@Users.NoReply.GitHub.com               | octo-cat
			github   | 41898282+github-actions[bot]@users.noreply.github.com  | github-actions[bot]
			gitlab   | 123-jane.doe@users.noreply.gitlab.com                  | jane.doe
			gitlab   | 4567-J_Smith@users.noreply.gitlab.com                  | j_smith
			codeberg | forgejo-fan@noreply.codeberg.org                       | forgejo-fan
			""")
	void readsTheLoginOutOfEachForgesNoreplyAddress(String forge, String email, String login) {
		assertThat(rule(forge).loginOf(email)).contains(login);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			github   | octocat@github.com
			github   | octocat@users.noreply.gitlab.com
			github   | 12345+@users.noreply.github.com
			github   | octocat@evil.users.noreply.github.com
			gitlab   | jane@users.noreply.gitlab.com
			gitlab   | 123-jane@users.noreply.github.com
			codeberg | someone@codeberg.org
			codeberg | someone@noreply.codeberg.org.evil.example
			""")
	void leavesEveryOtherAddressAlone(String forge, String email) {
		assertThat(rule(forge).loginOf(email)).isEmpty();
	}

	private static NoreplyRule rule(String forge) {
		return switch (forge) {
			case "github" -> GITHUB;
			case "gitlab" -> GITLAB;
			default -> CODEBERG;
		};
	}

}
