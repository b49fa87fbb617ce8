package dev.commitcollector.store;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds MailmapDiscovered JSON as the fetcher writes it:
 * {@code aMailmap().repository("a/b").text("A <a@x>").json()}.
 */
public final class MailmapEvents {

	public static final String TOPIC = "mailmaps.discovered";

	private String repository = "acme/widgets";

	private String text;

	private Instant discoveredAt = Instant.parse("2024-05-01T10:00:00Z");

	private final UUID eventId = UUID.randomUUID();

	private MailmapEvents() {
	}

	public static MailmapEvents aMailmap() {
		return new MailmapEvents();
	}

	public MailmapEvents repository(String repository) {
		this.repository = repository;
		return this;
	}

	/** The file's text; {@code null} (the default) says the repository has none. */
	public MailmapEvents text(String text) {
		this.text = text;
		return this;
	}

	public MailmapEvents discoveredAt(Instant discoveredAt) {
		this.discoveredAt = discoveredAt;
		return this;
	}

	public String key() {
		return "github:" + repository;
	}

	public String json() {
		return """
				{"schemaVersion":1,"eventId":"%s","fetchId":"%s","provider":"github","repository":"%s",\
				"sha":"%s","mailmap":%s,"discoveredAt":"%s"}""".formatted(eventId, UUID.randomUUID(), repository,
				Events.randomSha(), Events.quoted(text), discoveredAt);
	}

}
