package dev.commitcollector.query.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** What the API tests read out of a page's JSON, in page order. */
final class JsonPages {

	private JsonPages() {
	}

	/** Each author as "key commitCount coAuthoredCount". */
	static List<String> summaries(JsonNode authors) {
		List<String> summaries = new ArrayList<>();
		authors.forEach(a -> summaries.add(a.get("key").asString() + " " + a.get("commitCount").asLong() + " "
				+ a.get("coAuthoredCount").asLong()));
		return summaries;
	}

	/** The shas of a commits page. */
	static List<String> shas(JsonNode page) {
		List<String> shas = new ArrayList<>();
		page.get("commits").forEach(c -> shas.add(c.get("sha").asString()));
		return shas;
	}

	static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach(s -> strings.add(s.asString()));
		return strings;
	}

}
