package dev.commitcollector.fetcher.forge.git;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.forge.http.ProviderSettings;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Where a provider's repositories live, {@code {api-url}/{path}.git}, and what is sent
 * there. The token travels only as the password of HTTP basic authentication, never in a
 * URL; it is sent over https only.
 */
final class GitRemote {

	/** ssh is left out: JGit's core has no ssh client, and the adapter holds no keys. */
	private static final Set<String> SCHEMES = Set.of("https", "http", "git", "file");

	/**
	 * GitHub's name for a token's user; GitLab and Gitea accept any user name with a
	 * token.
	 */
	static final String TOKEN_USER = "x-access-token";

	private final String base;

	private final CredentialsProvider credentials;

	private final int timeoutSeconds;

	private final GitSettings bounds;

	private final Clock clock;

	GitRemote(ProviderSettings settings, GitSettings bounds, Clock clock) {
		this.bounds = bounds;
		this.clock = clock;
		URI apiUrl = settings.apiUrl();
		String scheme = apiUrl.getScheme().toLowerCase(Locale.ROOT);
		if (!SCHEMES.contains(scheme)) {
			throw new IllegalArgumentException(
					"a git provider's api-url must be https, http, git or file, not " + scheme);
		}
		if (apiUrl.getRawUserInfo() != null || apiUrl.getRawQuery() != null || apiUrl.getRawFragment() != null) {
			throw new IllegalArgumentException(
					"a git provider's api-url must not carry user info, a query or a fragment; put a token in its token setting");
		}
		if (settings.hasToken() && !scheme.equals("https")) {
			throw new IllegalArgumentException("a git provider with a token needs an https api-url, not " + scheme);
		}
		this.base = apiUrl.toString().replaceAll("/+$", "");
		this.credentials = settings.hasToken() ? credentials(settings.token().strip()) : null;
		this.timeoutSeconds = (int) Math.max(1, Math.min(settings.timeout().toSeconds(), Integer.MAX_VALUE));
	}

	/**
	 * {@code user:token} names the user (Bitbucket wants one); a bare token goes with
	 * {@link #TOKEN_USER}.
	 */
	static CredentialsProvider credentials(String token) {
		int colon = token.indexOf(':');
		return colon > 0
				? new UsernamePasswordCredentialsProvider(token.substring(0, colon), token.substring(colon + 1))
				: new UsernamePasswordCredentialsProvider(TOKEN_USER, token);
	}

	/**
	 * The remote of {@code repository}: built from the configured base and the validated
	 * path only.
	 */
	URIish of(RepositoryPath repository) {
		String remote = base + "/" + repository + ".git";
		try {
			// RepositoryPath admits no '.', '..', '?', '#' or '%' segments; checked again
			// so no path leaves the base
			URI uri = new URI(remote);
			if (!uri.normalize().equals(uri) || uri.getRawQuery() != null || uri.getRawFragment() != null
					|| !uri.toString().startsWith(base + "/")) {
				throw new URISyntaxException(remote, "leaves the configured base");
			}
			return new URIish(remote);
		}
		catch (URISyntaxException ex) {
			throw new ForgeFailure.Rejected("repository " + repository + " does not make a remote URL below " + base);
		}
	}

	/**
	 * Transport settings of every connection: timeout, credentials, no tags (they are not
	 * commits we need), and over HTTP answers bounded in size and all read by the fetch's
	 * deadline ({@link GitHttpConnections}).
	 */
	void configure(Transport transport) {
		transport.setTimeout(timeoutSeconds);
		if (transport instanceof TransportHttp http) {
			http.setHttpConnectionFactory(GitHttpConnections.of(bounds, clock));
		}
		transport.setTagOpt(TagOpt.NO_TAGS);
		if (credentials != null) {
			transport.setCredentialsProvider(credentials);
		}
	}

	@Override
	public String toString() {
		return base;
	}

}
