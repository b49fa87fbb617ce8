package dev.commitcollector.localstack;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event a service logged, as its lines of text and whether it was an error: a plain
 * line that starts with a timestamp and the lines after it (a report, a stack trace), or
 * one JSON line of a structured format ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE}: ecs,
 * logstash, gelf), whose message holds its lines.
 */
record Logged(List<String> text, boolean isError) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** GELF's level of an error, as syslog numbers them (0 is the most severe). */
	private static final int GELF_ERROR = 3;

	/** The events {@code lines} hold, in order. */
	static List<Logged> in(List<String> lines) {
		List<Logged> events = new ArrayList<>();
		List<String> text = null;
		boolean error = false;
		for (String line : lines) {
			Logged structured = structured(line);
			if (structured != null || isLogLine(line) || text == null) {
				if (text != null) {
					events.add(new Logged(text, error));
				}
				text = new ArrayList<>();
				error = structured != null ? structured.isError() : line.contains(" ERROR ");
				text.addAll(structured != null ? structured.text() : List.of(line));
			}
			else {
				text.add(line);
			}
		}
		if (text != null) {
			events.add(new Logged(text, error));
		}
		return events;
	}

	/** A line the logger wrote as text: it starts with an ISO timestamp. */
	private static boolean isLogLine(String line) {
		return line.length() > 10 && Character.isDigit(line.charAt(0)) && line.charAt(4) == '-'
				&& line.charAt(10) == 'T';
	}

	/** The event a JSON line holds; null when the line is not one. */
	private static Logged structured(String line) {
		if (!line.startsWith("{") || !line.endsWith("}")) {
			return null;
		}
		try {
			JsonNode event = JSON.readTree(line);
			JsonNode message = event.has("message") ? event.get("message") : event.get("short_message");
			if (message == null || !message.isString()) {
				return null;
			}
			return new Logged(message.asString().lines().toList(), isError(event));
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private static boolean isError(JsonNode event) {
		String level = event.path("log").path("level").asString(event.path("log.level").asString(""));
		if (level.isEmpty()) {
			level = event.path("level").isNumber() ? "" : event.path("level").asString("");
		}
		return "ERROR".equalsIgnoreCase(level) || "FATAL".equalsIgnoreCase(level)
				|| event.path("level").isNumber() && event.path("level").asInt() <= GELF_ERROR;
	}

}
