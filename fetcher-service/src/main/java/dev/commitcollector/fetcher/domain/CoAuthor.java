package dev.commitcollector.fetcher.domain;

import java.util.Objects;

/**
 * Someone a commit message credits with a {@code Co-authored-by:} trailer: a name (null
 * when the trailer gives none) and an email, each cleaned and bounded by
 * {@link ForgeText} like a commit's author.
 */
public record CoAuthor(String name, String email) {

	public CoAuthor {
		Objects.requireNonNull(email, "email");
		name = ForgeText.clean(name, ForgeText.MAX_NAME_BYTES);
		email = ForgeText.clean(email, ForgeText.MAX_NAME_BYTES);
	}

}
