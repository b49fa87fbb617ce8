package dev.commitcollector.query.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Configuration for the static page served from {@code /}: it reads this before calling
 * any API.
 */
@RestController
@Tag(name = "page", description = "What the page served from / reads before calling any API.")
class UiController {

	private final UiSettings settings;

	UiController(UiSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/ui/config")
	@Operation(summary = "The page's configuration",
			description = "The fetcher's URL (`fetcherUrl`, where the page starts fetches and adds watches) and "
					+ "where the API's documentation is (`apiDocs`).")
	@ApiResponse(responseCode = "200", description = "The configuration.")
	Map<String, String> config() {
		return Map.of("fetcherUrl", settings.fetcherUrl().toString().replaceAll("/+$", ""), "apiDocs",
				"/swagger-ui.html");
	}

}
