package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.commitcollector.fetcher.FetcherInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fetcher's OpenAPI description documents every operation: a summary, the problem
 * answers it really gives with a problem+json example each, {@code mode} and
 * {@code status} as enums, and the constraints on limit, size, provider and repository,
 * the limit as this instance is configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fetcher.topic.name=commits.discovered.openapi-test", "fetcher.limit.maximum=5000",
				"fetcher.limit.default-limit=500", "fetcher.watches.min-interval=PT10M" })
@AutoConfigureWebTestClient
class OpenApiTest {

	private static final String PROBLEM_JSON = "application/problem+json";

	/** Method, path and the problem statuses each operation documents. */
	private static final Map<String, List<Integer>> PROBLEMS = Map.of("post /api/v1/fetches",
			List.of(400, 401, 406, 408, 409, 413, 415, 429, 503), "get /api/v1/fetches", List.of(400, 406, 503),
			"get /api/v1/fetches/{id}", List.of(400, 404, 406, 503), "post /api/v1/watches",
			List.of(400, 401, 406, 408, 409, 413, 415, 503), "get /api/v1/watches", List.of(400, 406, 503),
			"get /api/v1/watches/{id}", List.of(400, 404, 406, 503), "delete /api/v1/watches/{id}",
			List.of(400, 401, 404, 406, 503));

	private final JsonMapper json = JsonMapper.builder().build();

	WebTestClient http;

	JsonNode docs;

	@Autowired
	void http(WebTestClient client) {
		this.http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		FetcherInfrastructure.register(registry);
	}

	@BeforeEach
	void readDocs() {
		byte[] body = http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		docs = json.readTree(body);
	}

	@Test
	void summarizesAndDescribesEveryOperation() {
		List<String> documented = new ArrayList<>();
		docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			String name = operation.getKey() + " " + path.getKey();
			documented.add(name);
			assertThat(operation.getValue().path("summary").asString("")).as(name).isNotBlank();
			assertThat(operation.getValue().path("description").asString("")).as(name).isNotBlank();
			assertThat(operation.getValue().path("tags").size()).as(name).isPositive();
		}));
		assertThat(documented).containsAll(PROBLEMS.keySet());
	}

	@Test
	void documentsEveryProblemAnswerWithAProblemJsonExample() {
		PROBLEMS.forEach((name, statuses) -> {
			JsonNode responses = operation(name).get("responses");
			for (int status : statuses) {
				JsonNode content = responses.path(String.valueOf(status)).path("content").path(PROBLEM_JSON);
				assertThat(content.path("schema").path("$ref").asString("")).as(name + " " + status)
					.isEqualTo("#/components/schemas/Problem");
				JsonNode examples = content.path("examples");
				assertThat(examples.size()).as(name + " " + status).isPositive();
				examples.forEach(example -> {
					JsonNode problem = problem(example.get("value"));
					assertThat(problem.get("status").asInt()).as(name + " " + status).isEqualTo(status);
					assertThat(problem.get("type").asString()).isEqualTo("about:blank");
					assertThat(problem.get("title").asString()).isNotBlank();
					assertThat(problem.get("detail").asString()).isNotBlank();
				});
			}
			responses.properties().forEach(response -> {
				if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
					assertThat(statuses).as(name).contains(Integer.valueOf(response.getKey()));
				}
			});
		});
		assertThat(operation("post /api/v1/fetches").get("responses").has("202")).isTrue();
		assertThat(operation("post /api/v1/fetches").at("/responses/429/headers").has("Retry-After")).isTrue();
		assertThat(operation("post /api/v1/watches").get("responses").has("201")).isTrue();
		assertThat(operation("post /api/v1/watches").at("/responses/409/content/" + "application~1problem+json")
			.toString()).contains("existing");
		assertThat(operation("delete /api/v1/watches/{id}").get("responses").has("204")).isTrue();
		assertThat(docs.at("/components/schemas/Problem/properties").propertyNames()).contains("type", "title",
				"status", "detail", "instance");
	}

	@Test
	void marksTheKeyedOperationsWithTheBearerKey() {
		assertThat(docs.at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
		for (String name : List.of("post /api/v1/fetches", "post /api/v1/watches", "delete /api/v1/watches/{id}")) {
			assertThat(operation(name).get("security").toString()).as(name).contains("apiKey");
		}
		assertThat(operation("get /api/v1/fetches").has("security")).isFalse();
	}

	@Test
	void showsModeAndStatusAsEnums() {
		JsonNode schemas = docs.at("/components/schemas");
		assertThat(values(schemas.at("/FetchRequest/properties/mode/enum"))).containsExactly("incremental", "full");
		assertThat(values(schemas.at("/FetchView/properties/mode/enum"))).containsExactly("incremental", "full");
		assertThat(values(schemas.at("/FetchView/properties/status/enum"))).containsExactly("QUEUED", "RUNNING",
				"COMPLETED", "FAILED");
		assertThat(values(schemas.at("/LastFetch/properties/status/enum"))).containsExactly("QUEUED", "RUNNING",
				"COMPLETED", "FAILED");
		assertThat(values(parameter("get /api/v1/fetches", "status").at("/schema/enum"))).containsExactly("QUEUED",
				"RUNNING", "COMPLETED", "FAILED");
	}

	@Test
	void constrainsLimitSizeProviderRepositoryAndInterval() {
		JsonNode schemas = docs.at("/components/schemas");
		for (String request : List.of("FetchRequest", "WatchRequest")) {
			JsonNode properties = schemas.at("/" + request + "/properties");
			// as this instance is configured: FETCH_MAX_LIMIT=5000,
			// FETCH_DEFAULT_LIMIT=500
			assertThat(properties.at("/limit/minimum").asInt()).as(request).isEqualTo(1);
			assertThat(properties.at("/limit/maximum").asInt()).as(request).isEqualTo(5000);
			assertThat(properties.at("/limit/default").asInt()).as(request).isEqualTo(500);
			assertThat(properties.at("/provider/pattern").asString()).isEqualTo("^[a-z0-9][a-z0-9-]{0,39}$");
			assertThat(properties.at("/provider/maxLength").asInt()).isEqualTo(40);
			assertThat(properties.at("/repository/maxLength").asInt()).isEqualTo(300);
			assertThat(properties.at("/repository/pattern").asString()).isNotBlank();
			assertThat(values(schemas.at("/" + request + "/required"))).contains("repository");
		}
		assertThat(schemas.at("/FetchRequest/properties/mode/maxLength").asInt()).isEqualTo(20);
		JsonNode interval = schemas.at("/WatchRequest/properties/interval");
		assertThat(interval.get("maxLength").asInt()).isEqualTo(40);
		assertThat(interval.get("description").asString()).contains("ISO-8601", "WATCH_MIN_INTERVAL is PT10M");
		assertThat(values(schemas.at("/WatchRequest/required"))).contains("interval");

		JsonNode size = parameter("get /api/v1/fetches", "size").get("schema");
		assertThat(size.get("type").toString()).contains("integer");
		assertThat(size.get("minimum").asInt()).isEqualTo(1);
		assertThat(size.get("maximum").asInt()).isEqualTo(500);
		assertThat(size.get("default").asInt()).isEqualTo(50);
		assertThat(parameter("get /api/v1/fetches", "provider").at("/schema/pattern").asString())
			.isEqualTo("^[a-z0-9][a-z0-9-]{0,39}$");
		assertThat(parameter("get /api/v1/fetches", "after").at("/schema/maxLength").asInt()).isEqualTo(2048);
		assertThat(parameter("get /api/v1/fetches/{id}", "id").at("/schema/format").asString()).isEqualTo("uuid");
		for (String name : List.of("provider", "repository", "status", "size", "after")) {
			assertThat(parameter("get /api/v1/fetches", name).get("description").asString()).as(name).isNotBlank();
		}
	}

	@Test
	void documentsTheRefusalOfAnAcceptWithoutJsonAsTheFetcherAnswersIt() {
		byte[] answer = http.get()
			.uri("/api/v1/watches")
			.accept(org.springframework.http.MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode documented = problem(
				operation("get /api/v1/watches").at("/responses/406/content/" + PROBLEM_JSON.replace("/", "~1"))
					.get("examples")
					.iterator()
					.next()
					.get("value"));
		assertThat(json.readTree(answer).get("detail").asString()).isEqualTo(documented.get("detail").asString());
	}

	private JsonNode operation(String name) {
		String[] parts = name.split(" ", 2);
		JsonNode operation = docs.path("paths").path(parts[1]).path(parts[0]);
		assertThat(operation.isObject()).as(name).isTrue();
		return operation;
	}

	private JsonNode parameter(String operation, String name) {
		for (JsonNode parameter : operation(operation).path("parameters")) {
			if (parameter.get("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError(operation + " documents no parameter " + name);
	}

	/** An example's value: JSON as springdoc reads it, or its text. */
	private JsonNode problem(JsonNode value) {
		return value.isString() ? json.readTree(value.asString()) : value;
	}

	private static List<String> values(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

}
