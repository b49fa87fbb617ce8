package dev.commitcollector.fetcher.forge.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class GitRemoteTest {

	@Test
	void mapsANestedPathBelowTheBase() {
		GitRemote remote = new GitRemote(settings("https://git.example.org/scm/", null), GitStub.SETTINGS,
				Clock.systemUTC());

		URIish uri = remote.of(ForgeType.GIT.parsePath("group/sub/repo"));

		assertThat(uri).hasToString("https://git.example.org/scm/group/sub/repo.git");
	}

	@Test
	void mapsALocalBaseToABareRepositoryPath() {
		GitRemote remote = new GitRemote(settings("file:///srv/git", null), GitStub.SETTINGS, Clock.systemUTC());

		assertThat(remote.of(ForgeType.GIT.parsePath("acme/widgets")).getPath()).isEqualTo("/srv/git/acme/widgets.git");
	}

	@Test
	void refusesABaseThatCarriesCredentials() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GitRemote(settings("https://user:secret@git.example.org", null), GitStub.SETTINGS,
					Clock.systemUTC()))
			.withMessageContaining("token setting")
			.withMessageNotContaining("secret");
	}

	@Test
	void refusesToSendATokenOverPlainHttp() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new GitRemote(settings("http://git.example.org", "s3cret"), GitStub.SETTINGS, Clock.systemUTC()))
			.withMessageContaining("https")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void refusesSsh() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new GitRemote(settings("ssh://git.example.org", null), GitStub.SETTINGS, Clock.systemUTC()));
	}

	@Test
	void sendsABareTokenAsThePasswordOfTheAccessTokenUser() {
		assertThat(userAndPassword(GitRemote.credentials("ghp_abc"))).containsExactly("x-access-token", "ghp_abc");
	}

	@Test
	void sendsAUserAndTokenAsGiven() {
		assertThat(userAndPassword(GitRemote.credentials("x-token-auth:abc"))).containsExactly("x-token-auth", "abc");
	}

	@Test
	void showsTheBaseButNeverTheToken() {
		assertThat(new GitRemote(settings("https://git.example.org", "s3cret"), GitStub.SETTINGS, Clock.systemUTC()))
			.hasToString("https://git.example.org");
	}

	private static String[] userAndPassword(CredentialsProvider credentials) {
		CredentialItem.Username user = new CredentialItem.Username();
		CredentialItem.Password password = new CredentialItem.Password();
		credentials.get(new URIish().setHost("git.example.org"), user, password);
		return new String[] { user.getValue(), new String(password.getValue()) };
	}

	private static ProviderSettings settings(String apiUrl, String token) {
		return new ProviderSettings(ForgeType.GIT, URI.create(apiUrl), token, Duration.ofSeconds(20), 1);
	}

}
