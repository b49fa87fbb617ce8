package dev.commitcollector.fetcher.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;

/**
 * Which fetches to list, newest first ({@code startedAt}, then {@code id}, descending): a
 * page of {@code size}, after {@code after} when it is a later page; each filter is
 * optional.
 */
public record FetchQuery(Optional<String> provider, Optional<RepositoryPath> repository, Optional<FetchStatus> status,
		int size, Optional<After> after) {

	public static final int MAX_SIZE = 500;

	public FetchQuery {
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
		}
	}

	/** The same query for {@code repository}, as the provider knows it. */
	public FetchQuery about(RepositoryPath repository) {
		return new FetchQuery(provider, Optional.of(repository), status, size, after);
	}

	/** Where the previous page ended: its last fetch's start and id. */
	public record After(Instant startedAt, UUID id) {
	}

}
