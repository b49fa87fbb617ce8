package dev.commitcollector.store.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.commitcollector.store.domain.AuthorIdentity;
import dev.commitcollector.store.domain.BoundedText;
import dev.commitcollector.store.domain.CoAuthor;
import dev.commitcollector.store.domain.CommitRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads an event's bytes into a commit to store, or says exactly why it cannot. */
final class EventDecoder {

	/**
	 * Version 2 adds {@code coAuthors}; both are read, and {@code coAuthors} whenever
	 * present.
	 */
	static final Set<Integer> SUPPORTED_SCHEMA_VERSIONS = Set.of(1, 2);

	/** The most co-authors kept of one commit, as the contract bounds them. */
	static final int MAX_CO_AUTHORS = 16;

	private static final int MAX_REPOSITORY = 300;

	/**
	 * The most UTF-8 bytes of a name, email, login or headline the store keeps (the
	 * fetcher sends fewer).
	 */
	static final int MAX_TEXT_BYTES = 1024;

	/**
	 * The most of an email or login the author identity reads; longer ones are hashed
	 * there anyway.
	 */
	private static final int MAX_IDENTITY_BYTES = 64 * 1024;

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	/** The last instant of year 9999 that timestamptz holds (to the microsecond). */
	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	/** Reads what the fast reader leaves, to the contract's types. */
	private final JsonMapper json;

	private final CommitDiscoveredReader reader;

	EventDecoder(JsonMapper json) {
		this.json = ContractJson.strict(json);
		this.reader = new CommitDiscoveredReader(json);
	}

	CommitRecord decode(byte[] value) {
		if (value == null || value.length == 0) {
			throw new InvalidEvent("the event has no value");
		}
		CommitDiscovered event = reader.read(value);
		if (event == null) {
			try {
				// as UTF-8, the contract's encoding: bytes that are not are replaced,
				// never
				// read as the UTF-16 or UTF-32 a byte order mark would make Jackson guess
				event = json.readValue(new String(value, StandardCharsets.UTF_8), CommitDiscovered.class);
			}
			catch (JacksonException ex) {
				throw new InvalidEvent("the event is not CommitDiscovered JSON: " + ex.getOriginalMessage());
			}
		}
		List<String> problems = problemsOf(event);
		if (!problems.isEmpty()) {
			throw new InvalidEvent("the event is invalid: " + String.join("; ", problems));
		}
		AuthorIdentity author = AuthorIdentity.of(BoundedText.of(event.authorLogin(), MAX_IDENTITY_BYTES),
				BoundedText.of(event.authorEmail(), MAX_IDENTITY_BYTES),
				BoundedText.of(event.authorName(), MAX_IDENTITY_BYTES));
		return new CommitRecord(event.provider(), event.repository(), event.sha(), author, bounded(event.authorName()),
				bounded(event.authorEmail()), bounded(event.authorLogin()), event.authoredAt(), event.committedAt(),
				bounded(event.messageHeadline()), event.eventId(), event.fetchId(), coAuthorsOf(event, author));
	}

	/**
	 * The trailers' people, each once by identity, the first {@value #MAX_CO_AUTHORS};
	 * one without an email has no identity and is skipped, and so is the commit's own
	 * author (by key or by email), so no commit credits its author twice.
	 */
	private static List<CoAuthor> coAuthorsOf(CommitDiscovered event, AuthorIdentity author) {
		if (event.coAuthors() == null) {
			return List.of();
		}
		String authorEmail = AuthorIdentity.of(null, BoundedText.of(event.authorEmail(), MAX_IDENTITY_BYTES)).key();
		Map<AuthorIdentity, CoAuthor> coAuthors = new LinkedHashMap<>();
		for (CommitDiscovered.Person person : event.coAuthors()) {
			if (coAuthors.size() == MAX_CO_AUTHORS) {
				break;
			}
			String email = person == null ? null : BoundedText.of(person.email(), MAX_IDENTITY_BYTES);
			if (email == null || email.isBlank()) {
				continue;
			}
			AuthorIdentity identity = AuthorIdentity.of(null, email);
			if (!identity.equals(author) && !identity.key().equals(authorEmail)) {
				coAuthors.putIfAbsent(identity, new CoAuthor(identity, bounded(person.name()), bounded(email)));
			}
		}
		return List.copyOf(coAuthors.values());
	}

	private static List<String> problemsOf(CommitDiscovered event) {
		List<String> problems = new ArrayList<>();
		if (event == null) {
			problems.add("it is null");
			return problems;
		}
		if (event.schemaVersion() == null || !SUPPORTED_SCHEMA_VERSIONS.contains(event.schemaVersion())) {
			problems.add("schemaVersion must be 1 or 2, was " + event.schemaVersion());
		}
		require(problems, event.eventId() != null, "eventId is missing");
		require(problems, event.fetchId() != null, "fetchId is missing");
		require(problems, isProvider(event.provider()), "provider is missing or not a provider name");
		require(problems, isRepository(event.repository()), "repository is missing or not a repository path");
		require(problems, isSha(event.sha()), "sha is not a commit sha");
		require(problems, storable(event.authoredAt()), "authoredAt is missing or outside years 1-9999");
		require(problems, storable(event.committedAt()), "committedAt is missing or outside years 1-9999");
		return problems;
	}

	/** {@code [a-z0-9][a-z0-9-]{0,39}}, without a regex: it runs for every event. */
	static boolean isProvider(String provider) {
		if (provider == null || provider.isEmpty() || provider.length() > 40 || provider.charAt(0) == '-') {
			return false;
		}
		for (int i = 0; i < provider.length(); i++) {
			char c = provider.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A path of segments none of which is empty, {@code .} or {@code ..}
	 * ({@code foo..bar} is a name forges allow), without control characters.
	 */
	static boolean isRepository(String repository) {
		if (repository == null || repository.isBlank() || repository.length() > MAX_REPOSITORY) {
			return false;
		}
		int segmentStart = 0;
		for (int i = 0; i <= repository.length(); i++) {
			if (i == repository.length() || repository.charAt(i) == '/') {
				int length = i - segmentStart;
				if (length == 0 || repository.charAt(segmentStart) == '.'
						&& (length == 1 || length == 2 && repository.charAt(segmentStart + 1) == '.')) {
					return false;
				}
				segmentStart = i + 1;
			}
			else if (Character.isISOControl(repository.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** 40 or 64 lowercase hex digits, without a regex: it runs for every event. */
	static boolean isSha(String sha) {
		if (sha == null || sha.length() != 40 && sha.length() != 64) {
			return false;
		}
		for (int i = 0; i < sha.length(); i++) {
			char c = sha.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
				return false;
			}
		}
		return true;
	}

	static void require(List<String> problems, boolean condition, String problem) {
		if (!condition) {
			problems.add(problem);
		}
	}

	/**
	 * PostgreSQL's timestamptz cannot hold every Instant; a date it cannot store must not
	 * block the partition.
	 */
	static boolean storable(Instant instant) {
		return instant != null && !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
	}

	/**
	 * Bounded, and without NUL, which PostgreSQL text cannot hold: no field can make the
	 * batch write fail.
	 */
	private static String bounded(String text) {
		return BoundedText.of(text, MAX_TEXT_BYTES);
	}

	/** An event that can never be stored as it is: it goes to the dead-letter topic. */
	static final class InvalidEvent extends RuntimeException {

		InvalidEvent(String message) {
			super(message, null, false, false);
		}

	}

}
