package dev.commitcollector.query.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A repository's {@code .mailmap} as git applies it (mailmap.c, {@code add_mapping} and
 * {@code map_user}): entries are keyed by commit email; an entry with a commit name
 * applies only to that name, one without to every other; a later line for the same key
 * replaces the earlier one (for an entry without a commit name, part by part). Emails and
 * names are both matched case-insensitively in ASCII, as git's {@code strcasecmp} does
 * (gitmailmap(5): "Both E-Mails and names are matched case-insensitively").
 */
public final class Mailmap {

	/** No mailmap: maps nobody. */
	public static final Mailmap NONE = new Mailmap(List.of());

	private final Map<String, Target> byEmail = new HashMap<>();

	private final Map<String, Map<String, Target>> byEmailAndName = new HashMap<>();

	public Mailmap(List<Entry> entries) {
		for (Entry entry : entries) {
			String email = fold(entry.commitEmail());
			if (entry.commitName() == null) {
				Target old = byEmail.getOrDefault(email, Target.NOTHING);
				byEmail.put(email, new Target(entry.properName() != null ? entry.properName() : old.name(),
						entry.properEmail() != null ? entry.properEmail() : old.email()));
			}
			else {
				byEmailAndName.computeIfAbsent(email, key -> new HashMap<>())
					.put(fold(entry.commitName()), new Target(entry.properName(), entry.properEmail()));
			}
		}
	}

	/**
	 * The proper name and email for a commit's, or empty when no entry changes either.
	 */
	public Optional<Target> map(String name, String email) {
		if (email == null) {
			return Optional.empty();
		}
		String key = fold(email);
		Map<String, Target> named = byEmailAndName.get(key);
		Target target = named == null || name == null ? null : named.get(fold(name));
		if (target == null) {
			target = byEmail.get(key);
		}
		if (target == null || (target.name() == null && target.email() == null)) {
			return Optional.empty();
		}
		return Optional.of(target);
	}

	/** ASCII-only case folding: git compares with {@code strcasecmp} in the C locale. */
	private static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			folded.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
		}
		return folded.toString();
	}

	/**
	 * One line as stored: commits by {@code commitEmail} (and {@code commitName}, when
	 * given) are by {@code properName} and {@code properEmail}; {@code null} keeps that
	 * part.
	 */
	public record Entry(String properName, String properEmail, String commitName, String commitEmail) {
	}

	/** What a commit's name and email become; a {@code null} part stays as committed. */
	public record Target(String name, String email) {

		static final Target NOTHING = new Target(null, null);

	}

}
