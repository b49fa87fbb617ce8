package dev.commitcollector.localstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Linear histories of made-up commits for the forge stubs, newest first, and the identity
 * rule that says how the query API must group them.
 */
final class SyntheticHistory {

	private SyntheticHistory() {
	}

	/**
	 * {@code count} commits by {@code authors} people, newest first, each the child of
	 * the next. Even authors have a forge login and commit from two emails; odd ones have
	 * none and write their email with varying case and spaces; authors 1 and 3 share a
	 * name but not an email, so grouping by name would be wrong; some names are not
	 * ASCII.
	 */
	static List<Commit> of(String seed, int count, int authors) {
		List<String> shas = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			shas.add(sha(seed + "#" + i));
		}
		List<Commit> newestFirst = new ArrayList<>(count);
		Instant newest = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < count; i++) {
			int a = (int) ((i * 7L + i / 3) % authors);
			String login = a % 2 == 0 ? "Dev" + a : null;
			String email = login != null ? "dev" + a + (i % 2 == 0 ? "@example.org" : "@users.noreply.github.com")
					: (i % 2 == 0 ? " Dev" + a + "@Example.ORG" : "dev" + a + "@example.org");
			newestFirst.add(new Commit(shas.get(i), name(a), email, login, newest.minusSeconds(3600L * i),
					"Change " + i + " to " + seed, i + 1 < count ? shas.get(i + 1) : null));
		}
		return newestFirst;
	}

	private static String name(int author) {
		return switch (author) {
			case 1, 3 -> "Sam Smith";
			case 2 -> "Łukasz Żółkiewski";
			case 5 -> "Zoë Ångström 李";
			case 6 -> "Αθηνά Παπαδοπούλου";
			default -> "Dev Number " + author;
		};
	}

	/**
	 * The identity rule: {@code login:} the forge account when it links one, else
	 * {@code email:} trimmed, lowercased.
	 */
	static String authorKey(String login, String email) {
		return login != null ? "login:" + login.toLowerCase(Locale.ROOT)
				: "email:" + email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The shas of {@code commits} by author key, each author's newest first, as the query
	 * API must show them.
	 */
	static Map<String, List<String>> shasByAuthor(List<Commit> commits, Function<Commit, String> authorKey) {
		return commits.stream()
			.collect(Collectors.groupingBy(authorKey, Collectors.mapping(Commit::sha, Collectors.toList())));
	}

	/** The names each author wrote in {@code commits}, by author key. */
	static Map<String, Set<String>> namesByAuthor(List<Commit> commits, Function<Commit, String> authorKey) {
		return commits.stream()
			.collect(Collectors.groupingBy(authorKey,
					Collectors.mapping(Commit::name, Collectors.toCollection(TreeSet::new))));
	}

	static String sha(String seed) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A commit as git holds it, and the forge login its author's email is linked to (null
	 * when none). {@code parent} is null for the root commit.
	 */
	record Commit(String sha, String name, String email, String login, Instant authoredAt, String message,
			String parent) {

		List<String> parents() {
			return parent == null ? List.of() : List.of(parent);
		}

		/** The message's first line. */
		String headline() {
			int end = message.indexOf('\n');
			return end < 0 ? message : message.substring(0, end);
		}

	}

}
