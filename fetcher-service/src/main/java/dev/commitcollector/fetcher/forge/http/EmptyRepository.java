package dev.commitcollector.fetcher.forge.http;

/**
 * Which error answers of a forge's commit listing mean that the repository exists and has
 * no commit.
 */
@FunctionalInterface
public interface EmptyRepository {

	/** No error answer means an empty repository. */
	EmptyRepository NEVER = (status, message) -> false;

	boolean is(int status, String message);

	/** Every answer with {@code status} means an empty repository. */
	static EmptyRepository answering(int status) {
		return (answered, message) -> answered == status;
	}

}
