package dev.commitcollector.query.web;

import java.util.Locale;

import dev.commitcollector.query.domain.CommitRole;

/**
 * The {@code identities} and {@code role} request parameters, read strictly: anything but
 * the documented values is a 400 that names them.
 */
final class Identities {

	static final String VIEW = "`raw` (the default): one entry per account, else per email, exactly as the store "
			+ "groups them. `merged`: the entries that the repository's `.mailmap` or a forge's noreply address "
			+ "(`12345+octocat@users.noreply.github.com` is `login:octocat`) say are one person are folded into one, "
			+ "with all their `keys`, names and emails; `commitCount` summed, `coAuthoredCount` each commit that "
			+ "credits any of their keys once, none of their own.";

	static final String ROLE = "`author` (the default): the commits they authored. `coauthor`: the commits whose "
			+ "`Co-authored-by:` trailers credit them (merged: never one of their own). `any`: both, each commit once.";

	private Identities() {
	}

	/** Whether {@code identities} asks for the merged view. */
	static boolean merged(String identities) {
		if (identities == null || identities.equals("raw")) {
			return false;
		}
		if (identities.equals("merged")) {
			return true;
		}
		throw new InvalidOption("identities must be raw or merged, was '" + identities + "'");
	}

	static CommitRole role(String role) {
		if (role == null) {
			return CommitRole.AUTHOR;
		}
		return switch (role) {
			case "author", "coauthor", "any" -> CommitRole.valueOf(role.toUpperCase(Locale.ROOT));
			default -> throw new InvalidOption("role must be author, coauthor or any, was '" + role + "'");
		};
	}

	/** A parameter outside its documented values. */
	static final class InvalidOption extends IllegalArgumentException {

		InvalidOption(String message) {
			super(message);
		}

	}

}
