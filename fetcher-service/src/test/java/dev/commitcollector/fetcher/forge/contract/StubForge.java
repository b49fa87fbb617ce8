package dev.commitcollector.fetcher.forge.contract;

import java.time.Instant;
import java.util.List;

import dev.commitcollector.fetcher.application.Forge;

/**
 * A local stand-in for one forge, answering over real HTTP (or the git protocol) in that
 * forge's documented shapes. Each adapter's contract test provides one.
 */
public interface StubForge extends AutoCloseable {

	/**
	 * What a stub can be made to do; plain git, for one, has no rate limit and no HTTP
	 * status.
	 */
	enum Capability {

		RATE_LIMIT, SERVER_ERROR, MALFORMED_ANSWER, MISTYPED_ITEM, CREDENTIALS, UNLINKED_ACCOUNTS, COUNTED_REQUESTS

	}

	/**
	 * A repository path valid on this forge type, for {@code name} (e.g.
	 * {@code acme/name}, or {@code group/sub/name}).
	 */
	String path(String name);

	/** Serves {@code path} with this history, newest first. */
	void repository(String path, List<StubCommit> newestFirst);

	/**
	 * Serves {@code text} as the {@code .mailmap} at the head of {@code path}; none when
	 * null (the default). Called before {@link #repository}, which a plain git stub
	 * commits it with.
	 */
	void mailmap(String path, String text);

	/**
	 * Every request for a {@code .mailmap} fails with a server error (5xx) from now on;
	 * the pages are served.
	 */
	void failMailmaps();

	/** Serves {@code path} as a repository that exists and has no commit. */
	void emptyRepository(String path);

	/**
	 * The next request is refused as the forge refuses bad credentials; later ones are
	 * served.
	 */
	void rejectCredentialsOnce();

	/**
	 * The next request is rate limited, saying to come back after {@code seconds}; later
	 * ones are served.
	 */
	void rateLimitOnce(int seconds);

	/** The next request fails with a server error (5xx); later ones are served. */
	void serverErrorOnce();

	/**
	 * The next {@code times} answers that would carry commits carry a body in the wrong
	 * shape instead.
	 */
	void malformed(int times);

	/**
	 * The commit {@code sha} is served as an item with a field of a type the forge never
	 * sends there (a number where a list belongs); the items around it are whole.
	 */
	void mistype(String sha);

	/**
	 * The sha the forge reports for {@code commit}. Stubs serve the shas they are given;
	 * a stub that cannot choose them (plain git computes a commit's sha from its content)
	 * says which one it served instead.
	 */
	default String servedSha(StubCommit commit) {
		return commit.sha();
	}

	/** Requests (or git fetches) received so far. */
	int requests();

	/** The most commits a page of this forge's listing holds. */
	default int pageSize() {
		return 100;
	}

	/**
	 * Requests a fetch makes besides its pages and the {@code .mailmap} (Bitbucket reads
	 * the repository's main branch first).
	 */
	default int requestsBesidesPages() {
		return 0;
	}

	boolean supports(Capability capability);

	/** The adapter under test, configured against this stub. */
	Forge forge();

	@Override
	void close();

	/**
	 * A commit as the stub serves it. {@code login} is the forge account the author is
	 * linked to, null when not linked (a stub of a forge that never returns accounts
	 * ignores it).
	 */
	record StubCommit(String sha, String authorName, String authorEmail, String login, Instant authoredAt,
			String message) {
	}

}
