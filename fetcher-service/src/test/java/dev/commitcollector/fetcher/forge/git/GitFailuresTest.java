package dev.commitcollector.fetcher.forge.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;

import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.RemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/**
 * The JGit messages below are JGit's own (JGitText.properties), as its HTTP transport
 * raises them.
 */
class GitFailuresTest {

	private static final RepositoryPath WIDGETS = ForgeType.GIT.parsePath("acme/widgets");

	@Test
	void reportsAMissingRemoteAsNotFound() throws URISyntaxException {
		Throwable failure = GitFailures.of(new NoRemoteRepositoryException(uri(), "not found."), "git.example.org",
				WIDGETS);

		assertThat(failure).isInstanceOf(ForgeFailure.RepositoryNotFound.class)
			.hasMessageStartingWith("repository not found: git.example.org has no repository acme/widgets (")
			.hasMessageContaining("https://git.example.org/acme/widgets.git")
			.hasMessageContaining("check the name, and the provider's api-url")
			.hasMessageNotContaining("token");
	}

	/** As JGit raises what {@code git daemon} says of a path it does not serve. */
	@Test
	void reportsARepositoryAGitDaemonDoesNotServeAsNotFoundNotAsUnreachable() throws URISyntaxException {
		Throwable failure = GitFailures
			.of(new RemoteRepositoryException(new URIish("git://git.example.org/acme/widgets"),
					"access denied or repository not exported: /acme/widgets"), "git.example.org", WIDGETS);

		assertThat(failure).isInstanceOf(ForgeFailure.RepositoryNotFound.class)
			.hasMessageStartingWith("repository not found: git.example.org serves no repository acme/widgets (")
			.hasMessageContaining("check the name, that its git daemon exports it");
	}

	@Test
	void reportsARemoteAskingForCredentialsWeDoNotHaveAsNotFound() throws URISyntaxException {
		Throwable failure = GitFailures.of(
				new TransportException(uri(),
						"Authentication is required but no CredentialsProvider has been registered"),
				"git.example.org", WIDGETS);

		assertThat(failure).isInstanceOf(ForgeFailure.RepositoryNotFound.class)
			.hasMessageContaining("a private repository needs a token");
	}

	@Test
	void reportsRejectedCredentialsAsRejected() throws URISyntaxException {
		Throwable failure = GitFailures.of(new TransportException(uri(), "not authorized"), "git.example.org", WIDGETS);

		assertThat(failure).isInstanceOf(ForgeFailure.Rejected.class).hasMessageContaining("credentials");
	}

	@Test
	void reportsOtherTransportErrorsAsUnavailableSoTheyAreRetried() throws URISyntaxException {
		Throwable failure = GitFailures.of(new TransportException(uri(), "connection failed"), "git.example.org",
				WIDGETS);

		assertThat(failure).isInstanceOf(ForgeFailure.Unavailable.class).hasMessageContaining("connection failed");
	}

	@Test
	void masksTheTokenAndItsPasswordPartWhereTheServerRepeatsThem() throws URISyntaxException {
		Throwable failure = GitFailures.of(
				new TransportException(uri(), "proxy said: x-token-auth:s3cr3t-tok and s3cr3t-tok, not permitted"),
				"git.example.org", WIDGETS, "x-token-auth:s3cr3t-tok");

		assertThat(failure).hasMessageContaining("proxy said: [token] and [token]")
			.hasMessageNotContaining("s3cr3t-tok");
	}

	private static URIish uri() throws URISyntaxException {
		return new URIish("https://git.example.org/acme/widgets.git");
	}

}
