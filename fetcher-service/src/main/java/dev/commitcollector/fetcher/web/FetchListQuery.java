package dev.commitcollector.fetcher.web;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import dev.commitcollector.fetcher.application.FetchQuery;
import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;

/**
 * The query parameters of {@code GET /api/v1/fetches} read into a {@link FetchQuery}; a
 * wrong one is refused ({@link InvalidListParameter}) with its name.
 */
final class FetchListQuery {

	static final int DEFAULT_SIZE = 50;

	/** Any forge type's paths: the deepest nesting a path may have. */
	private static final int ANY_DEPTH = Integer.MAX_VALUE;

	private final Forges forges;

	FetchListQuery(Forges forges) {
		this.forges = forges;
	}

	FetchQuery of(String provider, String repository, String status, String size, String after) {
		Optional<String> providerFilter = present(provider);
		providerFilter.ifPresent(name -> checked("provider", () -> forges.typeOf(name)));
		Optional<RepositoryPath> repositoryFilter = present(repository)
			.map(path -> checked("repository", () -> providerFilter.isPresent()
					? forges.parsePath(providerFilter.get(), path) : RepositoryPath.parse(path, ANY_DEPTH)));
		return new FetchQuery(providerFilter, repositoryFilter, present(status).map(FetchListQuery::statusOf),
				present(size).map(FetchListQuery::sizeOf).orElse(DEFAULT_SIZE),
				present(after).map(cursor -> checked("after", () -> FetchCursor.decode(cursor))));
	}

	private static FetchStatus statusOf(String value) {
		return checked("status", () -> {
			try {
				return FetchStatus.valueOf(value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"must be one of QUEUED, RUNNING, COMPLETED, FAILED, was '" + printable(value) + "'");
			}
		});
	}

	private static int sizeOf(String value) {
		return sizeOf(value, FetchQuery.MAX_SIZE);
	}

	/** A listing's {@code size}, 1 to {@code max}; refused naming the parameter. */
	static int sizeOf(String value, int max) {
		return checked("size", () -> {
			try {
				int size = Integer.parseInt(value);
				if (size >= 1 && size <= max) {
					return size;
				}
			}
			catch (NumberFormatException ex) {
				// said below
			}
			throw new IllegalArgumentException(
					"must be a whole number from 1 to " + max + ", was '" + printable(value) + "'");
		});
	}

	/** What {@code reading} reads; its refusal named as the query parameter's. */
	static <T> T checked(String parameter, Supplier<T> reading) {
		try {
			return reading.get();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidListParameter(parameter, ex.getMessage());
		}
	}

	private static Optional<String> present(String value) {
		return Optional.ofNullable(value).filter(v -> !v.isEmpty());
	}

	private static String printable(String value) {
		String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

	/** A query parameter of the listing this fetcher cannot read. */
	static final class InvalidListParameter extends IllegalArgumentException {

		InvalidListParameter(String parameter, String problem) {
			super("query parameter '" + parameter + "': " + problem);
		}

	}

}
