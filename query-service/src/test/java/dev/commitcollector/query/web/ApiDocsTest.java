package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description and Swagger UI are reachable from the page; the description
 * documents every read operation (a summary, its problem answers with a problem+json
 * example each, the constraints on provider, repository, size, page and after); actuator
 * shows health, metrics and prometheus only.
 */
class ApiDocsTest extends QueryIntegrationTest {

	@Test
	void describesTheReadApiInOpenApi() {
		web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("/api/v1/authors", "/api/v1/repository/authors",
					"/api/v1/authors/{author}/commits", "/api/v1/repositories"));
		web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	/** Method, path and the problem statuses each read operation documents. */
	private static final Map<String, List<Integer>> PROBLEMS = Map.of("get /api/v1/authors",
			List.of(400, 404, 406, 503), "get /api/v1/repository", List.of(400, 404, 406, 503),
			"get /api/v1/repository/authors", List.of(400, 404, 406, 503), "get /api/v1/authors/{author}/commits",
			List.of(400, 406, 503), "get /api/v1/repositories", List.of(400, 406, 503));

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void summarizesEveryReadOperationAndDocumentsItsProblemAnswers() {
		JsonNode docs = apiDocs();
		PROBLEMS.forEach((name, statuses) -> {
			JsonNode operation = operation(docs, name);
			assertThat(operation.path("summary").asString("")).as(name).isNotBlank();
			assertThat(operation.path("description").asString("")).as(name).isNotBlank();
			assertThat(operation.at("/responses/200").isObject()).as(name).isTrue();
			for (int status : statuses) {
				JsonNode content = operation.at("/responses/" + status + "/content/application~1problem+json");
				assertThat(content.at("/schema/$ref").asString("")).as(name + " " + status)
					.isEqualTo("#/components/schemas/Problem");
				assertThat(content.path("examples").size()).as(name + " " + status).isPositive();
				content.path("examples").forEach(example -> {
					JsonNode value = example.get("value");
					JsonNode problem = value.isString() ? json.readTree(value.asString()) : value;
					assertThat(problem.get("status").asInt()).as(name + " " + status).isEqualTo(status);
					assertThat(problem.get("type").asString()).isEqualTo("about:blank");
					assertThat(problem.get("detail").asString()).isNotBlank();
				});
			}
			operation.get("responses").propertyNames().forEach(code -> {
				if (!code.startsWith("2")) {
					assertThat(statuses).as(name).contains(Integer.valueOf(code));
				}
			});
		});
		assertThat(operation(docs, "get /ui/config").path("summary").asString("")).isNotBlank();
		assertThat(docs.at("/components/schemas/Problem/properties").propertyNames()).contains("type", "title",
				"status", "detail", "instance");
	}

	@Test
	void documentsTheRefusalOfAnAcceptWithoutJsonAsTheServiceAnswersIt() {
		byte[] answer = web.get()
			.uri("/api/v1/repositories")
			.accept(org.springframework.http.MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode example = operation(apiDocs(), "get /api/v1/repositories")
			.at("/responses/406/content/application~1problem+json/examples")
			.iterator()
			.next()
			.get("value");
		JsonNode documented = example.isString() ? json.readTree(example.asString()) : example;
		assertThat(json.readTree(answer).get("detail").asString()).isEqualTo(documented.get("detail").asString());
	}

	@Test
	void constrainsProviderRepositorySizePageAndAfter() {
		JsonNode docs = apiDocs();
		PROBLEMS.keySet().forEach(name -> {
			if (!name.equals("get /api/v1/repositories")) {
				JsonNode provider = parameter(docs, name, "provider").get("schema");
				assertThat(provider.get("pattern").asString()).as(name).isEqualTo("^[a-z0-9][a-z0-9-]{0,39}$");
				assertThat(provider.get("maxLength").asInt()).as(name).isEqualTo(40);
				assertThat(provider.get("default").asString()).as(name).isEqualTo("github");
				JsonNode repository = parameter(docs, name, "repository");
				assertThat(repository.get("required").asBoolean()).as(name).isTrue();
				assertThat(repository.at("/schema/pattern").asString()).as(name).isNotBlank();
				assertThat(repository.at("/schema/maxLength").asInt()).as(name).isEqualTo(300);
			}
			for (JsonNode parameter : operation(docs, name).path("parameters")) {
				assertThat(parameter.path("description").asString("")).as(name + " " + parameter.get("name"))
					.isNotBlank();
			}
		});
		assertSize(parameter(docs, "get /api/v1/authors", "size"), 500, 50);
		assertSize(parameter(docs, "get /api/v1/repositories", "size"), 500, 50);
		assertSize(parameter(docs, "get /api/v1/repository/authors", "size"), 500, 50);
		assertSize(parameter(docs, "get /api/v1/authors/{author}/commits", "size"), 1000, 100);
		JsonNode page = parameter(docs, "get /api/v1/authors", "page").get("schema");
		assertThat(page.get("minimum").asInt()).isZero();
		for (String name : List.of("get /api/v1/repositories", "get /api/v1/repository/authors",
				"get /api/v1/authors/{author}/commits")) {
			assertThat(parameter(docs, name, "after").at("/schema/maxLength").asInt()).as(name).isEqualTo(2048);
		}
		assertThat(parameter(docs, "get /api/v1/repository/authors", "filter").at("/schema/maxLength").asInt())
			.isEqualTo(200);
		assertThat(parameter(docs, "get /api/v1/authors/{author}/commits", "author").at("/schema/maxLength").asInt())
			.isEqualTo(1024);
	}

	@Test
	void offersTheIdentitiesViewsOnEveryAuthorEndpointAndTheRolesOnAnAuthorsCommits() {
		JsonNode docs = apiDocs();
		for (String name : List.of("get /api/v1/authors", "get /api/v1/repository/authors",
				"get /api/v1/authors/{author}/commits")) {
			JsonNode identities = parameter(docs, name, "identities");
			assertThat(identities.at("/schema/enum").toString()).as(name).isEqualTo("[\"raw\",\"merged\"]");
			assertThat(identities.at("/schema/default").asString()).as(name).isEqualTo("raw");
			assertThat(identities.path("description").asString()).as(name).contains(".mailmap", "noreply");
		}
		JsonNode role = parameter(docs, "get /api/v1/authors/{author}/commits", "role");
		assertThat(role.at("/schema/enum").toString()).isEqualTo("[\"author\",\"coauthor\",\"any\"]");
		assertThat(role.at("/schema/default").asString()).isEqualTo("author");
	}

	private static void assertSize(JsonNode size, int maximum, int defaultSize) {
		assertThat(size.at("/schema/type").toString()).contains("integer");
		assertThat(size.at("/schema/minimum").asInt()).isEqualTo(1);
		assertThat(size.at("/schema/maximum").asInt()).isEqualTo(maximum);
		assertThat(size.at("/schema/default").asInt()).isEqualTo(defaultSize);
	}

	private JsonNode apiDocs() {
		return json.readTree(web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private static JsonNode operation(JsonNode docs, String name) {
		String[] parts = name.split(" ", 2);
		JsonNode operation = docs.path("paths").path(parts[1]).path(parts[0]);
		assertThat(operation.isObject()).as(name).isTrue();
		return operation;
	}

	private static JsonNode parameter(JsonNode docs, String operation, String name) {
		for (JsonNode parameter : operation(docs, operation).path("parameters")) {
			if (parameter.get("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError(operation + " documents no parameter " + name);
	}

	@Test
	void servesThePageAndItsConfiguration() {
		web.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.value("Content-Security-Policy",
					policy -> assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'",
							"connect-src 'self' http://localhost:8081;"))
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("<title>commit-collector</title>", "/swagger-ui.html"));
		// the API's answers are JSON a page never renders: they pay for none of it
		web.get().uri("/api/v1/repositories").exchange().expectHeader().doesNotExist("Content-Security-Policy");
		web.get()
			.uri("/ui/config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fetcherUrl")
			.isEqualTo("http://localhost:8081");
	}

	@Test
	void exposesOnlyHealthMetricsAndPrometheus() {
		// each attempt on a fresh short timeout: the readiness probe asks the database
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.untilAsserted(() -> web.mutate()
				.responseTimeout(java.time.Duration.ofSeconds(5))
				.build()
				.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP"));
		web.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
		web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		web.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
		web.get().uri("/actuator/beans").exchange().expectStatus().isNotFound();
	}

}
