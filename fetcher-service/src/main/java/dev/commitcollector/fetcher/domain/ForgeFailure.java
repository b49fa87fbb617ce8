package dev.commitcollector.fetcher.domain;

import java.time.Instant;

/**
 * Why a forge could not give a page. Each message is written for the person who asked for
 * the fetch.
 */
public abstract sealed class ForgeFailure extends RuntimeException {

	ForgeFailure(String message) {
		super(message, null, false, false);
	}

	/** The repository does not exist, or the token may not see it. */
	public static final class RepositoryNotFound extends ForgeFailure {

		public RepositoryNotFound(String forge, RepositoryPath repository) {
			super("repository not found: " + forge + " has no repository " + repository
					+ " visible to the configured credentials (a private repository needs a token)");
		}

		/** Not found where the forge says why: {@code said} names the repository. */
		public RepositoryNotFound(String said) {
			super("repository not found: " + said);
		}

		/**
		 * Not found by a request that carried a token: the token may not reach it, or it
		 * is not there.
		 */
		public RepositoryNotFound(String forge, RepositoryPath repository, String tokenSetting) {
			super("repository not found: " + forge + " has no repository " + repository + " visible to the token in "
					+ tokenSetting + " (check the name, and that the token may read it)");
		}

	}

	/**
	 * The forge refused the request: bad credentials, missing permission, a bad request.
	 */
	public static final class Rejected extends ForgeFailure {

		public Rejected(String message) {
			super(message);
		}

	}

	/**
	 * The forge answered with a server error, timed out, or could not be reached. Worth
	 * retrying.
	 */
	public static final class Unavailable extends ForgeFailure {

		public Unavailable(String message) {
			super(message);
		}

	}

	/**
	 * The forge said its rate limit is reached: until {@code retryAt} when it said when
	 * ({@code announced}), else {@code retryAt} is a first guess to back off from.
	 */
	public static final class RateLimited extends ForgeFailure {

		private final String forge;

		private final Instant retryAt;

		private final boolean announced;

		public RateLimited(String forge, Instant retryAt) {
			this(forge, retryAt, true);
		}

		public RateLimited(String forge, Instant retryAt, boolean announced) {
			super(forge + " rate limit " + (announced ? "exhausted" : "reached") + "; retry after " + retryAt);
			this.forge = forge;
			this.retryAt = retryAt;
			this.announced = announced;
		}

		public Instant retryAt() {
			return retryAt;
		}

		/**
		 * Whether the forge said when to come back (else {@link #retryAt} is a guess).
		 */
		public boolean announced() {
			return announced;
		}

		/** The same limit, to be retried no sooner than {@code later}. */
		public RateLimited until(Instant later) {
			return new RateLimited(forge, later, announced);
		}

	}

	/**
	 * The forge answered in a shape that is not a commit list. Nothing is invented from
	 * it.
	 */
	public static final class MalformedAnswer extends ForgeFailure {

		public MalformedAnswer(String message) {
			super(message);
		}

	}

}
