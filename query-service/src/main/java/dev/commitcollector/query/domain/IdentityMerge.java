package dev.commitcollector.query.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds a repository's raw identities into people. Each identity is linked to what it is
 * known as, and identities that share any of it are one person:
 * <ul>
 * <li>each of its addresses, {@code email:<address>} (an address is one person's);
 * <li>the account an address in the forge's noreply form names, {@code login:<login>};
 * <li>what the mailmap maps an address to: the proper email, and the proper name when the
 * entry gives one (gitmailmap(5): two addresses mapped to one proper name are one person,
 * as {@code git shortlog} counts them).
 * </ul>
 * An identity is never split: the store counts per identity, not per name. So when the
 * mailmap maps one address to different people depending on the name (a shared
 * {@code bugs@} address), the mailmap says nothing about that address, and the identity
 * stays as it is. A person with no commit of their own (only co-authored ones) is left
 * out, as in the raw view. Linear in identities, names × emails and mailmap entries.
 */
public final class IdentityMerge {

	/**
	 * A forge account first, then most commits, then by key: the first names the person.
	 */
	private static final Comparator<Identity> BY_STANDING = Comparator
		.comparing((Identity identity) -> !identity.key().startsWith("login:"))
		.thenComparing(Comparator.comparingLong(Identity::commitCount).reversed())
		.thenComparing(Identity::key);

	private IdentityMerge() {
	}

	/** People by commit count descending, ties by key, as the raw view orders authors. */
	public static List<Person> people(List<Identity> identities, Mailmap mailmap, Optional<NoreplyRule> noreply) {
		Map<String, String> parents = new HashMap<>();
		for (Identity identity : identities) {
			find(parents, identity.key());
			knownAs(identity, mailmap, noreply).forEach(node -> union(parents, identity.key(), node));
		}
		Map<String, List<Identity>> groups = new LinkedHashMap<>();
		identities.stream()
			.sorted(BY_STANDING)
			.forEach(identity -> groups.computeIfAbsent(find(parents, identity.key()), root -> new ArrayList<>())
				.add(identity));
		return groups.values()
			.stream()
			.map(group -> person(group, mailmap))
			.filter(person -> person.commitCount() > 0)
			.sorted(Comparator.comparingLong(Person::commitCount).reversed().thenComparing(Person::key))
			.toList();
	}

	/**
	 * {@code people} with each person of several keys credited with the distinct commits
	 * among {@code credits} (all those of their keys) that none of their keys authored.
	 */
	public static List<Person> coAuthoredCounted(List<Person> people, List<Credit> credits) {
		Map<String, List<Credit>> byKey = new HashMap<>();
		credits.forEach(credit -> byKey.computeIfAbsent(credit.coAuthor(), key -> new ArrayList<>()).add(credit));
		return people.stream().map(person -> {
			if (person.keys().size() < 2) {
				return person;
			}
			Set<String> keys = Set.copyOf(person.keys());
			long coAuthored = person.keys()
				.stream()
				.flatMap(key -> byKey.getOrDefault(key, List.of()).stream())
				.filter(credit -> !keys.contains(credit.author()))
				.map(Credit::sha)
				.distinct()
				.count();
			return new Person(person.key(), person.keys(), person.login(), person.names(), person.emails(),
					person.commitCount(), coAuthored, person.lastAuthoredAt());
		}).toList();
	}

	/** A commit {@code sha}, authored by {@code author}, credits {@code coAuthor}. */
	public record Credit(String coAuthor, String sha, String author) {
	}

	/**
	 * The addresses and mailmap names an identity is linked to. An identity with no
	 * address (git's {@code Name <>}) is mapped by its name and the empty address, as git
	 * maps {@code Linus <>} by a line {@code Proper <proper@x> Linus <>}.
	 */
	private static Set<String> knownAs(Identity identity, Mailmap mailmap, Optional<NoreplyRule> noreply) {
		Set<String> nodes = new LinkedHashSet<>();
		for (String email : identity.emails()) {
			addAddress(nodes, email, noreply);
			mapped(identity, email, mailmap).ifPresent(target -> addTarget(nodes, target, noreply));
		}
		if (identity.emails().isEmpty()) {
			mapped(identity, "", mailmap).ifPresent(target -> addTarget(nodes, target, noreply));
		}
		return nodes;
	}

	private static void addTarget(Set<String> nodes, Mailmap.Target target, Optional<NoreplyRule> noreply) {
		if (target.email() != null) {
			addAddress(nodes, target.email(), noreply);
		}
		if (target.name() != null) {
			nodes.add("mailmap-name:" + target.name());
		}
	}

	/** An empty address (git's {@code Name <>}) is nobody's: it links no one. */
	private static void addAddress(Set<String> nodes, String email, Optional<NoreplyRule> noreply) {
		if (email.isBlank()) {
			return;
		}
		nodes.add("email:" + email.strip().toLowerCase(Locale.ROOT));
		noreply.flatMap(rule -> rule.loginOf(email)).ifPresent(login -> nodes.add("login:" + login));
	}

	/** What the mailmap maps the address to, if it says the same whatever the name. */
	private static Optional<Mailmap.Target> mapped(Identity identity, String email, Mailmap mailmap) {
		if (identity.names().isEmpty()) {
			return mailmap.map(null, email);
		}
		Set<Optional<Mailmap.Target>> targets = new LinkedHashSet<>();
		identity.names().forEach(name -> targets.add(mailmap.map(name, email)));
		return targets.size() == 1 ? targets.iterator().next() : Optional.empty();
	}

	private static Person person(List<Identity> group, Mailmap mailmap) {
		Identity first = group.get(0);
		Set<String> names = new LinkedHashSet<>();
		Set<String> emails = new LinkedHashSet<>();
		String login = null;
		long commits = 0;
		long coAuthored = 0;
		var last = first.lastAuthoredAt();
		for (Identity identity : group) {
			(identity.emails().isEmpty() ? List.of("") : identity.emails())
				.forEach(email -> mapped(identity, email, mailmap).map(Mailmap.Target::name).ifPresent(names::add));
		}
		for (Identity identity : group) {
			names.addAll(identity.names());
			emails.addAll(identity.emails());
			login = login != null ? login : identity.login();
			commits += identity.commitCount();
			coAuthored += identity.coAuthoredCount();
			if (last == null || (identity.lastAuthoredAt() != null && identity.lastAuthoredAt().isAfter(last))) {
				last = identity.lastAuthoredAt();
			}
		}
		return new Person(first.key(), group.stream().map(Identity::key).toList(), login, List.copyOf(names),
				List.copyOf(emails), commits, coAuthored, last);
	}

	private static String find(Map<String, String> parents, String node) {
		String root = node;
		while (!root.equals(parents.getOrDefault(root, root))) {
			root = parents.get(root);
		}
		parents.putIfAbsent(node, root);
		for (String at = node; !at.equals(root);) {
			String next = parents.get(at);
			parents.put(at, root);
			at = next;
		}
		return root;
	}

	private static void union(Map<String, String> parents, String a, String b) {
		String rootA = find(parents, a);
		String rootB = find(parents, b);
		if (!rootA.equals(rootB)) {
			parents.put(rootB, rootA);
		}
	}

}
