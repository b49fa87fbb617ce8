package dev.commitcollector.query.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Configuration for the static page served from {@code /}: it reads this before calling
 * any API.
 */
@RestController
class UiController {

	private final UiSettings settings;

	UiController(UiSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/ui/config")
	Map<String, String> config() {
		return Map.of("fetcherUrl", settings.fetcherUrl().toString().replaceAll("/+$", ""), "apiDocs",
				"/swagger-ui.html");
	}

}
