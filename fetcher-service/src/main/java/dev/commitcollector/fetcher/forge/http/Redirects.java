package dev.commitcollector.fetcher.forge.http;

import java.net.URI;
import java.util.Set;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Which redirects are followed: a repository renamed or moved to another owner answers
 * with where it is now (GitHub 301 to {@code /repositories/{id}/...}, Gitea and Forgejo
 * 307 to the new name). Followed only into the configured API, so the token never goes
 * elsewhere, and at most {@link #MAX} times a request; any other redirect is a
 * {@link Failures failure} that says where it pointed.
 *
 * @see <a href=
 * "https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#follow-redirects">GitHub:
 * follow redirects</a>
 */
final class Redirects {

	static final int MAX = 3;

	private static final Set<Integer> FOLLOWED = Set.of(301, 302, 307, 308);

	private Redirects() {
	}

	static boolean followed(URI apiUrl, HttpClientRequest request, HttpClientResponse response) {
		if (!FOLLOWED.contains(response.status().code()) || request.redirectedFrom().length >= MAX) {
			return false;
		}
		String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
		return location != null && isWithin(apiUrl, request.resourceUrl(), location);
	}

	/** True when {@code location}, read against the URL it answered, is in the API. */
	static boolean isWithin(URI apiUrl, String answered, String location) {
		try {
			return NextPage.isWithin(apiUrl, URI.create(answered).resolve(location.strip()).toString());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
