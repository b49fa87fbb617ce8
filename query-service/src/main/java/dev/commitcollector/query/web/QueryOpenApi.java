package dev.commitcollector.query.web;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query-service's OpenAPI description beyond what the controllers' annotations say:
 * the API's summary, the {@code Problem} schema every error answer has, and the page size
 * of {@code GET /api/v1/authors} as this instance is configured
 * ({@code QUERY_AUTHORS_PAGE_SIZE}, {@code QUERY_AUTHORS_MAX_PAGE_SIZE}). The parameters'
 * descriptions and the example problems the controllers show are here, written as the
 * service answers them.
 */
@Configuration(proxyBeanMethods = false)
class QueryOpenApi {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String PROBLEM = "#/components/schemas/Problem";

	static final String PROVIDER_PATTERN = "^[a-z0-9][a-z0-9-]{0,39}$";

	static final String REPOSITORY_PATTERN = "^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){1,21}$";

	static final String PROVIDER = "The provider the repository was fetched from: lowercase letters, digits and "
			+ "`-`; `github` when left out.";

	static final String REPOSITORY = "The repository's path on its forge: `owner/name`, or a nested group path "
			+ "such as `group/subgroup/project` (letters, digits, `-`, `_`, `.` separated by `/`, no `..`, at most "
			+ "300 characters). Required.";

	static final String AFTER = "The `next` value of the previous page, passed back unchanged; left out for the "
			+ "first page. A value this service did not hand out answers 400.";

	static final String BAD_PROVIDER = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"provider must be a provider name such as 'github' (lowercase letters, digits, '-')\","
			+ "\"instance\":\"/api/v1/authors\"}";

	static final String MISSING_REPOSITORY = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"repository is required, as owner/name (for example octocat/Hello-World)\","
			+ "\"instance\":\"/api/v1/authors\"}";

	static final String BAD_SIZE = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"size must be between 1 and 500, was 0\",\"instance\":\"/api/v1/authors\"}";

	static final String BAD_PAGE = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"page must be 0 or more, was -1\",\"instance\":\"/api/v1/authors\"}";

	static final String BAD_REPOSITORIES_SIZE = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"repositories page size must be between 1 and 500, was 501\","
			+ "\"instance\":\"/api/v1/repositories\"}";

	static final String BAD_AUTHORS_SIZE = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"authors page size must be between 1 and 500, was 0\","
			+ "\"instance\":\"/api/v1/repository/authors\"}";

	static final String BAD_COMMITS_SIZE = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"commits page size must be between 1 and 1000, was 1001\","
			+ "\"instance\":\"/api/v1/authors/login:octocat/commits\"}";

	static final String BAD_CURSOR = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"after is not a cursor this service handed out; pass the 'next' value of the previous "
			+ "page\",\"instance\":\"/api/v1/repositories\"}";

	static final String BAD_IDENTITIES = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"identities must be raw or merged, was 'people'\"}";

	static final String BAD_ROLE = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"role must be author, coauthor or any, was 'reviewer'\"}";

	static final String TOO_LONG_FILTER = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"query parameter 'filter' is 201 characters long; at most 200 are accepted\"}";

	static final String NOT_STORED = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
			+ "\"detail\":\"no commits of octocat/Hello-World from github are stored: it has not been fetched yet "
			+ "(POST /api/v1/fetches on the fetcher), its fetch failed (GET /api/v1/fetches on the fetcher says "
			+ "why), or it found no commits (an empty repository)\"," + "\"instance\":\"/api/v1/authors\"}";

	static final String NOT_ACCEPTABLE = "{\"type\":\"about:blank\",\"title\":\"Not Acceptable\",\"status\":406,"
			+ "\"detail\":\"Acceptable representations: [application/json].\",\"instance\":\"/api/v1/repository\"}";

	static final String STORE_DOWN = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
			+ "\"detail\":\"the commit store could not be read; try again shortly (the cause is in the "
			+ "query-service log)\",\"instance\":\"/api/v1/authors\"}";

	@Bean
	OpenAPI queryApiDescription() {
		return new OpenAPI()
			.info(new Info().title("commit-collector read API")
				.version("v1")
				.description("Reads the commits the store holds: the stored repositories, a repository's authors "
						+ "(with or without their commits) and one author's commits, keyset-paginated where "
						+ "repositories are large. Every error is an RFC 9457 problem detail "
						+ "(`application/problem+json`, whatever the request's Accept asks for). Requests are "
						+ "screened before the application reads them: a request target that is not RFC 3986, a "
						+ "control character in any value, or a value longer than its bound (provider 40, "
						+ "repository 300, filter 200, after 2048, author 1024, anything else 2048 characters) "
						+ "answers 400; a request line over 4096 bytes 414; headers over the server's limit 431."))
			.components(new Components().addSchemas("Problem", problemSchema()));
	}

	/**
	 * What every read of the API may answer whatever it reads: 503 while the store cannot
	 * be read (each reads PostgreSQL), and 406 to an {@code Accept} without JSON.
	 * Documented once here rather than on every operation.
	 */
	@Bean
	OpenApiCustomizer answersOfEveryRead() {
		return openApi -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths()
				.entrySet()
				.stream()
				.filter(path -> path.getKey().startsWith("/api/"))
				.flatMap(path -> path.getValue().readOperations().stream())
				.filter(operation -> operation.getResponses() != null)
				.forEach(operation -> {
					operation.getResponses()
						.addApiResponse("503", problem(
								"The store cannot be read (PostgreSQL is away); try again shortly.", STORE_DOWN));
					operation.getResponses()
						.addApiResponse("406", problem("The request's Accept has no JSON.", NOT_ACCEPTABLE));
				});
		};
	}

	private static ApiResponse problem(String description, String example) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))
				.addExamples("problem", new Example().value(example))));
	}

	/**
	 * The page size of {@code GET /api/v1/authors} as this instance is configured, not as
	 * the defaults are.
	 */
	@Bean
	OpenApiCustomizer configuredAuthorsPageSize(PageSettings pages) {
		return openApi -> {
			PathItem authors = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/authors");
			Operation get = authors == null ? null : authors.getGet();
			if (get == null || get.getParameters() == null) {
				return;
			}
			for (Parameter parameter : get.getParameters()) {
				if ("size".equals(parameter.getName()) && parameter.getSchema() != null) {
					parameter.getSchema().setMaximum(BigDecimal.valueOf(pages.maxSize()));
					parameter.getSchema().setDefault(pages.defaultSize());
				}
			}
		};
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema()
			.description("An RFC 9457 problem detail: why the request was not answered, " + "written to be acted on.")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().description("the HTTP status' reason phrase"))
			.addProperty("status", new IntegerSchema().description("the HTTP status code"))
			.addProperty("detail", new StringSchema().description("what was wrong, naming the parameter"))
			.addProperty("instance", new StringSchema().description("the request's path"))
			.required(List.of("type", "title", "status"));
	}

}
