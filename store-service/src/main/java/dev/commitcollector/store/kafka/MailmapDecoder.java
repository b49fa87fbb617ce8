package dev.commitcollector.store.kafka;

import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.store.domain.Mailmap;
import dev.commitcollector.store.domain.MailmapRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a MailmapDiscovered event into a parsed mailmap to keep, or says exactly why it
 * cannot. A file past {@value #MAX_MAILMAP_CHARS} characters is cut at the last whole
 * line before it and marked truncated. The fetcher sends a file past its bound as
 * {@code null} with {@code truncated}: present, but with no entries the store can read.
 */
final class MailmapDecoder {

	static final int SUPPORTED_SCHEMA_VERSION = 1;

	static final int MAX_MAILMAP_CHARS = 256 * 1024;

	private final JsonMapper json;

	MailmapDecoder(JsonMapper json) {
		this.json = ContractJson.strict(json);
	}

	MailmapRecord decode(byte[] value) {
		if (value == null || value.length == 0) {
			throw new EventDecoder.InvalidEvent("the event has no value");
		}
		MailmapDiscovered event;
		try {
			event = json.readValue(value, MailmapDiscovered.class);
		}
		catch (JacksonException ex) {
			throw new EventDecoder.InvalidEvent("the event is not MailmapDiscovered JSON: " + ex.getOriginalMessage());
		}
		List<String> problems = problemsOf(event);
		if (!problems.isEmpty()) {
			throw new EventDecoder.InvalidEvent("the event is invalid: " + String.join("; ", problems));
		}
		String text = event.mailmap();
		boolean cut = text != null && text.length() > MAX_MAILMAP_CHARS;
		if (cut) {
			text = text.substring(0, Math.max(0, text.lastIndexOf('\n', MAX_MAILMAP_CHARS)));
		}
		return new MailmapRecord(event.provider(), event.repository(), event.sha(), event.eventId(), event.fetchId(),
				event.discoveredAt(), event.mailmap() != null || Boolean.TRUE.equals(event.truncated()),
				cut || Boolean.TRUE.equals(event.truncated()), Mailmap.parse(text));
	}

	private static List<String> problemsOf(MailmapDiscovered event) {
		List<String> problems = new ArrayList<>();
		if (event == null) {
			problems.add("it is null");
			return problems;
		}
		EventDecoder.require(problems,
				event.schemaVersion() != null && event.schemaVersion() == SUPPORTED_SCHEMA_VERSION,
				"schemaVersion must be " + SUPPORTED_SCHEMA_VERSION + ", was " + event.schemaVersion());
		EventDecoder.require(problems, event.eventId() != null, "eventId is missing");
		EventDecoder.require(problems, event.fetchId() != null, "fetchId is missing");
		EventDecoder.require(problems, EventDecoder.isProvider(event.provider()),
				"provider is missing or not a provider name");
		EventDecoder.require(problems, EventDecoder.isRepository(event.repository()),
				"repository is missing or not a repository path");
		EventDecoder.require(problems, event.sha() == null || EventDecoder.isSha(event.sha()),
				"sha is not a commit sha");
		EventDecoder.require(problems, EventDecoder.storable(event.discoveredAt()),
				"discoveredAt is missing or outside years 1-9999");
		return problems;
	}

}
