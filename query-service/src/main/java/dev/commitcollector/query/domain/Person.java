package dev.commitcollector.query.domain;

import java.time.Instant;
import java.util.List;

/**
 * The raw identities that the mailmap or the noreply rule say are one person: {@code key}
 * is their forge account's if one is among them, else the one with the most commits (ties
 * by key); {@code keys} all of them, that one first; names, emails and counts are theirs
 * together.
 */
public record Person(String key, List<String> keys, String login, List<String> names, List<String> emails,
		long commitCount, long coAuthoredCount, Instant lastAuthoredAt) {

	/**
	 * The commits of {@code people} together: every commit of the repository when they
	 * are all its people, read in the one statement that read them (the repository's own
	 * count, read apart, may be from a moment before or after).
	 */
	public static long commitsOf(List<Person> people) {
		return people.stream().mapToLong(Person::commitCount).sum();
	}

}
