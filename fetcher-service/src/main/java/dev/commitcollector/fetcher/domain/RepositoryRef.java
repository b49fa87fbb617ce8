package dev.commitcollector.fetcher.domain;

import java.util.Objects;

/**
 * A repository on a configured forge: the provider's name (such as {@code github}) and
 * the path there. Written {@code provider:path}, which is also the Kafka message key of
 * its commits.
 */
public record RepositoryRef(String provider, RepositoryPath path) {

	public RepositoryRef {
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(path, "path");
	}

	@Override
	public String toString() {
		return provider + ":" + path;
	}

}
