package dev.commitcollector.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds CommitDiscovered JSON as the fetcher writes it:
 * {@code anEvent().repository("a/b").by("ada@x").json()}.
 */
public final class Events {

	private String provider = "github";

	private String repository = "acme/widgets";

	private String sha = randomSha();

	private String authorName = "Ada Lovelace";

	private String authorEmail = "ada@example.org";

	private String authorLogin;

	private Instant authoredAt = Instant.parse("2024-05-01T10:00:00Z");

	private Instant committedAt;

	private final List<String> coAuthors = new ArrayList<>();

	private Events() {
	}

	public static Events anEvent() {
		return new Events();
	}

	public static String randomSha() {
		byte[] bytes = new byte[20];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	public Events provider(String provider) {
		this.provider = provider;
		return this;
	}

	public Events repository(String repository) {
		this.repository = repository;
		return this;
	}

	public Events sha(String sha) {
		this.sha = sha;
		return this;
	}

	public Events by(String name, String email, String login) {
		this.authorName = name;
		this.authorEmail = email;
		this.authorLogin = login;
		return this;
	}

	public Events authoredAt(Instant authoredAt) {
		this.authoredAt = authoredAt;
		return this;
	}

	/** The committer date; a minute after the author date unless given. */
	public Events committedAt(Instant committedAt) {
		this.committedAt = committedAt;
		return this;
	}

	/**
	 * A co-author, which makes the event schema version 2; a version 1 event has no
	 * {@code coAuthors}.
	 */
	public Events coAuthoredBy(String name, String email) {
		coAuthors.add("{\"name\":" + quoted(name) + ",\"email\":" + quoted(email) + "}");
		return this;
	}

	public String key() {
		return provider + ":" + repository;
	}

	public String sha() {
		return sha;
	}

	public String json() {
		return """
				{"schemaVersion":%d,"eventId":"%s","fetchId":"%s","provider":"%s","repository":"%s","sha":"%s",\
				"authorName":%s,"authorEmail":%s,"authorLogin":%s,"authoredAt":"%s","committedAt":"%s",\
				"messageHeadline":"Fix the thing","discoveredAt":"%s"%s}""".formatted(coAuthors.isEmpty() ? 1 : 2,
				UUID.randomUUID(), UUID.randomUUID(), provider, repository, sha, quoted(authorName),
				quoted(authorEmail), quoted(authorLogin), authoredAt,
				committedAt != null ? committedAt : authoredAt.plusSeconds(60), Instant.now(),
				coAuthors.isEmpty() ? "" : ",\"coAuthors\":[" + String.join(",", coAuthors) + "]");
	}

	static String quoted(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

}
