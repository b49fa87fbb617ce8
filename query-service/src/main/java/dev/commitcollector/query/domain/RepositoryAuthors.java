package dev.commitcollector.query.domain;

/** A stored repository and one keyset page of its authors, read together. */
public record RepositoryAuthors(StoredRepository repository, Slice<AuthorSummary> authors) {
}
