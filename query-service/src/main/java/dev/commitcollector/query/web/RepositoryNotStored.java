package dev.commitcollector.query.web;

import dev.commitcollector.query.domain.RepositoryKey;

/** No commits of that repository are stored: answered 404 by {@link Problems}. */
final class RepositoryNotStored extends RuntimeException {

	private final RepositoryKey key;

	RepositoryNotStored(RepositoryKey key) {
		super("no commits of " + key.path() + " from " + key.provider()
				+ " are stored: it has not been fetched yet (POST /api/v1/fetches on the fetcher), its fetch "
				+ "failed (GET /api/v1/fetches on the fetcher says why), or it found no commits (an empty "
				+ "repository)");
		this.key = key;
	}

	RepositoryKey key() {
		return key;
	}

}
