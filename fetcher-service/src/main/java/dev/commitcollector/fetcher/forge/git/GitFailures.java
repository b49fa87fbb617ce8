package dev.commitcollector.fetcher.forge.git;

import java.io.IOException;

import dev.commitcollector.fetcher.domain.ForgeFailure;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;

/**
 * What a JGit failure means to the person who asked for the fetch. JGit raises one
 * {@link TransportException} for most transport problems and tells them apart by message
 * only (its messages ship in English alone: {@code JGitText.properties}).
 */
final class GitFailures {

	/**
	 * HTTP 401 with no credentials configured ({@code JGitText.noCredentialsProvider}).
	 */
	static final String CREDENTIALS_REQUIRED = "no CredentialsProvider has been registered";

	/** HTTP 401 with the configured credentials ({@code JGitText.notAuthorized}). */
	static final String NOT_AUTHORIZED = "not authorized";

	/** HTTP 403 ({@code JGitText.serviceNotPermitted}). */
	static final String NOT_PERMITTED = "not permitted";

	/**
	 * {@code git daemon} answering for a repository it does not serve: missing and not
	 * exported look alike ({@code daemon.c}).
	 */
	static final String NOT_EXPORTED = "access denied or repository not exported";

	/** A redirect refused ({@code JGitText.redirectsOff}). */
	static final String REDIRECT_REFUSED = "http.followRedirects is false";

	private static final int MAX_MESSAGE = 300;

	private GitFailures() {
	}

	/** {@code forge} names the host (or the provider) in messages. */
	static Throwable of(Throwable error, String forge, RepositoryPath repository) {
		return of(error, forge, repository, null);
	}

	/**
	 * {@code token} (the provider's, or null) is masked in what the server said: a
	 * server, or a proxy before it, may echo the request's credentials in an error.
	 */
	static Throwable of(Throwable error, String forge, RepositoryPath repository, String token) {
		if (error instanceof ForgeFailure) {
			return error;
		}
		String message = printable(masked(error.getMessage(), token));
		if (error instanceof NoRemoteRepositoryException) {
			return new ForgeFailure.RepositoryNotFound(forge + " has no repository " + repository + " (" + message
					+ "); check the name, and the provider's api-url");
		}
		if (error instanceof TransportException && message.contains(NOT_EXPORTED)) {
			return new ForgeFailure.RepositoryNotFound(forge + " serves no repository " + repository + " (" + message
					+ "); check the name, that its git daemon exports it, and the provider's api-url");
		}
		if (error instanceof TransportException && message.contains(CREDENTIALS_REQUIRED)) {
			// hosts ask for credentials rather than say a repository is missing: private
			// and missing look alike
			return new ForgeFailure.RepositoryNotFound(forge, repository);
		}
		if (error instanceof TransportException && message.contains(NOT_AUTHORIZED)) {
			return new ForgeFailure.Rejected(
					forge + " rejected the configured credentials (not authorized); check the provider's token");
		}
		if (error instanceof TransportException && message.contains(NOT_PERMITTED)) {
			return new ForgeFailure.Rejected(
					forge + " refused access with the configured credentials (" + message + ")");
		}
		if (error instanceof TransportException && message.contains(REDIRECT_REFUSED)) {
			return new ForgeFailure.Rejected(forge + " redirected the git fetch of " + repository
					+ " elsewhere; redirects are not followed (configure the final URL as the provider's api-url)");
		}
		GitHttpAnswer.TooLarge tooLarge = causeOf(error, GitHttpAnswer.TooLarge.class);
		if (tooLarge != null) {
			return new ForgeFailure.Rejected(forge + " sent more than a git fetch can hold for " + repository + " ("
					+ tooLarge.getMessage() + ")");
		}
		GitHttpAnswer.PastDeadline late = causeOf(error, GitHttpAnswer.PastDeadline.class);
		if (late != null) {
			return new ForgeFailure.Unavailable(
					forge + " was too slow with " + repository + " (" + late.getMessage() + ")");
		}
		if (error instanceof NotSupportedException) {
			return new ForgeFailure.Rejected(forge + " cannot be read by git: " + message);
		}
		if (error instanceof IOException) {
			return new ForgeFailure.Unavailable(
					forge + " could not be reached or the git fetch failed (" + message + ")");
		}
		return error;
	}

	private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/** The token, and its password part when it is {@code user:token}, masked. */
	static String masked(String text, String token) {
		if (text == null || token == null || token.isBlank()) {
			return text;
		}
		String whole = token.strip();
		String masked = text.replace(whole, MASK);
		int colon = whole.indexOf(':');
		return colon >= 0 && colon < whole.length() - 1 ? masked.replace(whole.substring(colon + 1), MASK) : masked;
	}

	static final String MASK = "[token]";

	private static String printable(String message) {
		String text = message == null ? "" : message.replaceAll("\\p{Cntrl}", " ").strip();
		return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
	}

}
