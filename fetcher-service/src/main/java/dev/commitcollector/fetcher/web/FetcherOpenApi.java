package dev.commitcollector.fetcher.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.commitcollector.fetcher.application.WatchSettings;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fetcher's OpenAPI description beyond what the controllers' annotations say: the
 * API's summary, the {@code Problem} schema every error answer has, the bearer key of
 * {@code FETCHER_API_KEYS}, and the limits this instance is configured with
 * ({@code FETCH_DEFAULT_LIMIT}, {@code FETCH_MAX_LIMIT}, {@code WATCH_MIN_INTERVAL}). The
 * example problems the controllers show are here, written as the fetcher answers them.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = FetcherOpenApi.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "One of the keys in FETCHER_API_KEYS. Needed by every POST and DELETE when FETCHER_API_KEYS "
				+ "is set; GETs stay open. Without it (or with another key) the answer is 401 with "
				+ "WWW-Authenticate: Bearer.")
class FetcherOpenApi {

	static final String API_KEY = "apiKey";

	static final String PROBLEM_JSON = "application/problem+json";

	static final String PROBLEM = "#/components/schemas/Problem";

	static final String PROVIDER_PATTERN = "^[a-z0-9][a-z0-9-]{0,39}$";

	static final String REPOSITORY_PATTERN = "^[A-Za-z0-9_.-]{1,255}(/[A-Za-z0-9_.-]{1,255}){1,21}$";

	static final String REPOSITORY_RULES = "The repository's path on the provider's forge: `owner/name` on GitHub, "
			+ "Bitbucket and Gitea/Codeberg; `group/project` or `group/subgroup/project` (2 to 22 segments) on GitLab "
			+ "and plain git. Each segment is letters, digits, `-`, `_` and `.` (1 to 255 characters, not `.` or "
			+ "`..`); at most 300 characters in all; not a URL.";

	static final String BAD_LIMIT = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"limit must be between 1 and 100000, was 0\",\"instance\":\"/api/v1/fetches\"}";

	static final String BAD_PROVIDER = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"unknown provider 'gitlub'; configured providers: bitbucket, codeberg, github, gitlab\","
			+ "\"instance\":\"/api/v1/fetches\"}";

	static final String BAD_REPOSITORY = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"repository must be owner/name (for example octocat/Hello-World), not a URL: "
			+ "'https://github.com/octocat/Hello-World'\",\"instance\":\"/api/v1/fetches\"}";

	static final String BAD_MODE = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"mode must be 'incremental' (the default) or 'full', was 'fast'\","
			+ "\"instance\":\"/api/v1/fetches\"}";

	static final String BAD_BODY = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"limit must be a whole number from 1 to 100000; expected JSON such as {\\\"provider\\\":\\\"github\\\","
			+ "\\\"repository\\\":\\\"owner/name\\\",\\\"limit\\\":1000}\",\"instance\":\"/api/v1/fetches\"}";

	static final String UNAUTHORIZED_FETCH = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
			+ "\"detail\":\"POST needs Authorization: Bearer <key>, with one of the keys in FETCHER_API_KEYS\","
			+ "\"instance\":\"/api/v1/fetches\"}";

	static final String TOO_LARGE = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
			+ "\"detail\":\"the body is larger than this service reads; expected JSON such as "
			+ "{\\\"provider\\\":\\\"github\\\",\\\"repository\\\":\\\"owner/name\\\",\\\"limit\\\":1000}\","
			+ "\"instance\":\"/api/v1/fetches\"}";

	static final String UNSUPPORTED_MEDIA_TYPE = "{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\","
			+ "\"status\":415,\"detail\":\"Content-Type 'text/plain' is not supported.\","
			+ "\"instance\":\"/api/v1/fetches\"}";

	static final String QUEUE_FULL = "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
			+ "\"detail\":\"1000 fetches are waiting for their turn already (FETCH_MAX_QUEUED); try again later\","
			+ "\"instance\":\"/api/v1/fetches\"}";

	static final String UNDER_WAY = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
			+ "\"detail\":\"octocat/Hello-World has a fetch under way (0b5e3c1a-6f1e-4c4e-9a55-2f0d7f1e8a10, limit "
			+ "1000, incremental) that asks for less than this request (limit 5000, incremental); a repository runs "
			+ "one fetch at a time, so request this one again once that one has ended "
			+ "(GET /api/v1/fetches/0b5e3c1a-6f1e-4c4e-9a55-2f0d7f1e8a10)\",\"instance\":\"/api/v1/fetches\","
			+ "\"existing\":\"0b5e3c1a-6f1e-4c4e-9a55-2f0d7f1e8a10\",\"limit\":1000,\"mode\":\"incremental\"}";

	static final String NOT_RECORDED = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
			+ "\"detail\":\"the fetch could not be recorded, so it was not started; try again\","
			+ "\"instance\":\"/api/v1/fetches\"}";

	static final String NOT_QUEUED = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
			+ "\"detail\":\"the fetch could not be queued for a fetcher to run (Kafka did not take its command); "
			+ "try again\",\"instance\":\"/api/v1/fetches\"}";

	static final String BAD_LIST_PARAMETER = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"query parameter 'size': must be a whole number from 1 to 500, was '0'\","
			+ "\"instance\":\"/api/v1/fetches\"}";

	static final String BAD_CURSOR = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"query parameter 'after': not a cursor this fetcher handed out as 'next'; start without it\","
			+ "\"instance\":\"/api/v1/fetches\"}";

	static final String BAD_WATCH_PAGE = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"query parameter 'size': must be a whole number from 1 to 1000, was '0'\","
			+ "\"instance\":\"/api/v1/watches\"}";

	static final String BAD_WATCH_CURSOR = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"query parameter 'after': not a cursor this fetcher handed out as 'next'; start without it\","
			+ "\"instance\":\"/api/v1/watches\"}";

	static final String BAD_FETCH_ID = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"'id' is not a UUID\",\"instance\":\"/api/v1/fetches/42\"}";

	static final String NO_FETCH = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
			+ "\"detail\":\"no fetch 0b5e3c1a-6f1e-4c4e-9a55-2f0d7f1e8a10 is known to this fetcher\","
			+ "\"instance\":\"/api/v1/fetches/0b5e3c1a-6f1e-4c4e-9a55-2f0d7f1e8a10\"}";

	static final String BAD_INTERVAL = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"interval must be between PT5M (WATCH_MIN_INTERVAL) and PT8760H, was PT1M\","
			+ "\"instance\":\"/api/v1/watches\"}";

	static final String MISSING_INTERVAL = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"interval is required, as an ISO-8601 duration such as PT15M or PT1H\","
			+ "\"instance\":\"/api/v1/watches\"}";

	static final String UNAUTHORIZED_WATCH = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
			+ "\"detail\":\"the API key is not one of FETCHER_API_KEYS\",\"instance\":\"/api/v1/watches\"}";

	static final String WATCH_EXISTS = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
			+ "\"detail\":\"this repository is watched already, by watch 7c9e6679-7425-40de-944b-e07fc1f90ae7; delete "
			+ "that one first to change it\",\"instance\":\"/api/v1/watches\","
			+ "\"existing\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"}";

	static final String TOO_MANY_WATCHES = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
			+ "\"detail\":\"10000 watches exist and this fetcher keeps at most 10000 (WATCH_MAX); delete 1 watch "
			+ "you no longer need first, or raise WATCH_MAX\",\"instance\":\"/api/v1/watches\"}";

	static final String UNAUTHORIZED_DELETE = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
			+ "\"detail\":\"DELETE needs Authorization: Bearer <key>, with one of the keys in FETCHER_API_KEYS\","
			+ "\"instance\":\"/api/v1/watches/7c9e6679-7425-40de-944b-e07fc1f90ae7\"}";

	static final String NO_WATCH = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
			+ "\"detail\":\"no watch 7c9e6679-7425-40de-944b-e07fc1f90ae7 is known to this fetcher\","
			+ "\"instance\":\"/api/v1/watches/7c9e6679-7425-40de-944b-e07fc1f90ae7\"}";

	static final String BAD_WATCH_ID = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"'id' is not a UUID\",\"instance\":\"/api/v1/watches/42\"}";

	static final String NOT_ACCEPTABLE = "{\"type\":\"about:blank\",\"title\":\"Not Acceptable\",\"status\":406,"
			+ "\"detail\":\"Acceptable representations: [application/json].\",\"instance\":\"/api/v1/fetches\"}";

	static final String DATABASE_AWAY = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
			+ "\"detail\":\"the fetcher's database could not be reached; try again shortly (the cause is in the "
			+ "fetcher's log)\",\"instance\":\"/api/v1/fetches\"}";

	@Bean
	OpenAPI fetcherApiDescription() {
		return new OpenAPI()
			.info(new Info().title("commit-collector fetcher API")
				.version("v1")
				.description("Starts fetches of a repository's newest commits from a forge, follows them and lists "
						+ "them; keeps repositories up to date with watches. Every error is an RFC 9457 problem "
						+ "detail (`application/problem+json`, whatever the request's Accept asks for). Requests "
						+ "are screened before the application reads them: a request target that is not RFC 3986, "
						+ "a control character in any value, an `id` longer than 36 characters or any other value "
						+ "longer than 2048 answer 400; a request line over 4096 bytes 414; headers over the "
						+ "server's limit 431; another method 405; an Accept the API cannot produce 406."))
			.components(new Components().addSchemas("Problem", problemSchema()));
	}

	/**
	 * The limits as this instance is configured, not as the defaults are: the request
	 * schemas and the watch interval's description say what this fetcher accepts.
	 */
	@Bean
	OpenApiCustomizer configuredLimits(FetchLimits limits, WatchSettings watches) {
		return openApi -> {
			Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
			if (schemas == null) {
				return;
			}
			for (String request : List.of("FetchRequest", "WatchRequest")) {
				Schema<?> schema = schemas.get(request);
				if (schema != null && schema.getProperties() != null
						&& schema.getProperties().get("limit") instanceof Schema<?> limit) {
					limit.setMaximum(BigDecimal.valueOf(limits.maximum()));
					limit.setDefault(limits.defaultLimit());
				}
			}
			Schema<?> watch = schemas.get("WatchRequest");
			if (watch != null && watch.getProperties() != null
					&& watch.getProperties().get("interval") instanceof Schema<?> interval) {
				interval.setDescription(interval.getDescription() + " This fetcher's WATCH_MIN_INTERVAL is "
						+ watches.minInterval() + ".");
			}
		};
	}

	/**
	 * What every operation may answer whatever it does: 503 while the fetcher's database
	 * cannot be reached, 406 to an {@code Accept} without JSON (before anything is done),
	 * and, where the operation reads a body, 408 to a body that does not arrive in time.
	 */
	@Bean
	OpenApiCustomizer answersOfEveryOperation(RequestDeadlines deadlines) {
		String bodyTooSlow = "{\"type\":\"about:blank\",\"title\":\"Request Timeout\",\"status\":408,"
				+ "\"detail\":\"the request's body did not arrive in time: at most " + deadlines.bodyPause().toSeconds()
				+ " s may pass without a byte of it and " + deadlines.body().toSeconds()
				+ " s for all of it; send it again whole\",\"instance\":\"/api/v1/fetches\"}";
		return openApi -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths()
				.values()
				.forEach(path -> path.readOperations()
					.stream()
					.filter(operation -> operation.getResponses() != null)
					.forEach(operation -> {
						operation.getResponses()
							.computeIfAbsent("503",
									status -> problem("The fetcher's database could not be reached; try again shortly.",
											DATABASE_AWAY));
						operation.getResponses()
							.computeIfAbsent("406",
									status -> problem("The request's Accept has no JSON; nothing was done.",
											NOT_ACCEPTABLE));
						if (operation.getRequestBody() != null) {
							operation.getResponses()
								.computeIfAbsent("408", status -> problem(
										"The body paused too long or took too long in all (FETCHER_HTTP_BODY_PAUSE, "
												+ "FETCHER_HTTP_BODY); nothing was done, and the connection is closed.",
										bodyTooSlow));
						}
					}));
		};
	}

	private static ApiResponse problem(String description, String example) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))
				.addExamples("problem", new Example().value(example))));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema()
			.description("An RFC 9457 problem detail: why the request was not answered, "
					+ "written to be acted on (a 409 adds `existing`: the watch there is, or the fetch under "
					+ "way, with its `limit` and `mode`).")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().description("the HTTP status' reason phrase"))
			.addProperty("status", new IntegerSchema().description("the HTTP status code"))
			.addProperty("detail", new StringSchema().description("what was wrong, naming the field or parameter"))
			.addProperty("instance", new StringSchema().description("the request's path"))
			.addProperty("existing",
					new StringSchema().format("uuid")
						.description("409 of POST /api/v1/watches: the watch there is; "
								+ "409 of POST /api/v1/fetches: the fetch under way"))
			.addProperty("limit",
					new IntegerSchema()
						.description("409 of POST /api/v1/fetches only: the limit of the fetch under way"))
			.addProperty("mode",
					new StringSchema().description("409 of POST /api/v1/fetches only: the mode of the fetch under way"))
			.required(List.of("type", "title", "status"));
	}

}
