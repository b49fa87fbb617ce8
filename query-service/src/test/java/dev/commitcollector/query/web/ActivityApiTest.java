package dev.commitcollector.query.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/repository/activity} and {@code /api/v1/repository/authors/activity}
 * as the page's charts read them, over what the store wrote.
 */
class ActivityApiTest extends QueryIntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void countsTheCommitsOfEachMonthOldestFirstWithTheEmptyMonthsBetween() {
		monthsApart("acme/monthly");

		get("/api/v1/repository/activity", "repository=acme/monthly", "by=month").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.provider")
			.isEqualTo("github")
			.jsonPath("$.repository")
			.isEqualTo("acme/monthly")
			.jsonPath("$.by")
			.isEqualTo("month")
			.jsonPath("$.periods[*].start")
			.isEqualTo(List.of("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"))
			.jsonPath("$.periods[*].commits")
			.isEqualTo(List.of(2, 0, 0, 1, 3))
			.jsonPath("$.earlier")
			.isEqualTo(0);
	}

	@Test
	void fitsThePeriodToTheHistoryLessAFewCommitsDatedYearsBeforeIt() {
		var repository = aRepository("github", "acme/epoch");
		for (int i = 0; i < 120; i++) {
			repository.commit("e" + i, "ada", "ada", "Ada", "ada@example.org",
					at("2024-03-01T12:00:00Z").plusSeconds(86_400L * (i % 20)));
		}
		// a commit whose clock said 1970
		repository.commit("e-epoch", "bob", "bob", "Bob", "bob@example.org", at("1970-01-01T00:00:00Z")).store();

		get("/api/v1/repository/activity", "repository=acme/epoch").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.by")
			.isEqualTo("day")
			.jsonPath("$.periods.length()")
			.isEqualTo(20)
			.jsonPath("$.periods[0].start")
			.isEqualTo("2024-03-01")
			.jsonPath("$.earlier")
			.isEqualTo(1);
	}

	@Test
	void keepsTheWindowOnTheHistoryWhenOneCommitIsDatedFarInTheFuture() {
		aRepository("github", "acme/future")
			.commit("f1", "ada", "ada", "Ada", "ada@example.org", at("2024-01-10T00:00:00Z"))
			.commit("f2", "ada", "ada", "Ada", "ada@example.org", at("2024-03-10T00:00:00Z"))
			.commit("f3", "bob", "bob", "Bob", "bob@example.org", at("9999-12-31T23:59:59Z"))
			.store();

		get("/api/v1/repository/activity", "repository=acme/future", "by=month").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods[*].start")
			.isEqualTo(List.of("2024-01-01", "2024-02-01", "2024-03-01"))
			.jsonPath("$.periods[*].commits")
			.isEqualTo(List.of(1, 0, 1))
			.jsonPath("$.earlier")
			.isEqualTo(0)
			.jsonPath("$.later")
			.isEqualTo(1);
		get("/api/v1/repository/authors/activity", "repository=acme/future", "by=month", "author=ada", "author=bob")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.authors[*].commits")
			.isEqualTo(List.of(List.of(1, 0, 1), List.of(0, 0, 0)));
	}

	@Test
	void countsInUtcWeeksFromMondayAndKeepsOnlyTheNewestPeriodsAskedFor() {
		aRepository("github", "acme/weekly")
			.commit("w1", "ada", "ada", "Ada", "ada@example.org", at("2024-02-26T00:00:00Z")) // Monday
			.commit("w2", "ada", "ada", "Ada", "ada@example.org", at("2024-03-03T23:59:59Z")) // Sunday
			.commit("w3", "bob", "bob", "Bob", "bob@example.org", at("2024-03-04T00:00:00Z")) // Monday
			.commit("w4", "bob", "bob", "Bob", "bob@example.org", at("2024-03-20T12:00:00Z"))
			.commit("w0", "bob", "bob", "Bob", "bob@example.org", at("2024-02-25T23:00:00Z")) // Sunday
																								// before
			.store();

		get("/api/v1/repository/activity", "repository=acme/weekly", "by=week").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.by")
			.isEqualTo("week")
			.jsonPath("$.periods[*].start")
			.isEqualTo(List.of("2024-02-19", "2024-02-26", "2024-03-04", "2024-03-11", "2024-03-18"))
			.jsonPath("$.periods[*].commits")
			.isEqualTo(List.of(1, 2, 1, 0, 1));

		get("/api/v1/repository/activity", "repository=acme/weekly", "by=week", "periods=3").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods[*].start")
			.isEqualTo(List.of("2024-03-04", "2024-03-11", "2024-03-18"))
			.jsonPath("$.periods[*].commits")
			.isEqualTo(List.of(1, 0, 1))
			.jsonPath("$.earlier")
			.isEqualTo(3);
	}

	@Test
	void picksDaysForAFewWeeksOfHistoryAndMonthsForOverHalfAYear() {
		aRepository("github", "acme/short")
			.commit("s1", "ada", "ada", "Ada", "ada@example.org", at("2024-03-01T10:00:00Z"))
			.commit("s2", "ada", "ada", "Ada", "ada@example.org", at("2024-03-03T10:00:00Z"))
			.store();
		get("/api/v1/repository/activity", "repository=acme/short").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.by")
			.isEqualTo("day")
			.jsonPath("$.periods[*].commits")
			.isEqualTo(List.of(1, 0, 1));

		aRepository("github", "acme/long")
			.commit("l1", "ada", "ada", "Ada", "ada@example.org", at("2023-01-01T10:00:00Z"))
			.commit("l2", "ada", "ada", "Ada", "ada@example.org", at("2024-03-03T10:00:00Z"))
			.store();
		get("/api/v1/repository/activity", "repository=acme/long").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.by")
			.isEqualTo("month")
			.jsonPath("$.periods.length()")
			.isEqualTo(15);
	}

	@Test
	void givesEachAskedAuthorTheirCommitsPerPeriodOfTheRepositorysWindow() {
		monthsApart("acme/authors-monthly");

		get("/api/v1/repository/authors/activity", "repository=acme/authors-monthly", "by=month", "author=bob",
				"author=ada", "author=nobody")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.by")
			.isEqualTo("month")
			.jsonPath("$.periods")
			.isEqualTo(List.of("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"))
			.jsonPath("$.authors[*].key")
			.isEqualTo(List.of("bob", "ada", "nobody"))
			.jsonPath("$.authors[0].commits")
			.isEqualTo(List.of(1, 0, 0, 0, 2))
			.jsonPath("$.authors[1].commits")
			.isEqualTo(List.of(1, 0, 0, 1, 1))
			.jsonPath("$.authors[2].commits")
			.isEqualTo(List.of(0, 0, 0, 0, 0));

		get("/api/v1/repository/authors/activity", "repository=acme/authors-monthly", "by=month", "periods=2",
				"author=ada")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods")
			.isEqualTo(List.of("2024-04-01", "2024-05-01"))
			.jsonPath("$.authors[0].commits")
			.isEqualTo(List.of(1, 1));
	}

	@Test
	void takesAnAuthorKeyWithACommaAsOneKey() {
		aRepository("github", "acme/comma")
			.commit("c1", "email:a,b@example.org", null, "A", "a,b@example.org", at("2024-03-01T10:00:00Z"))
			.store();

		get("/api/v1/repository/authors/activity", "repository=acme/comma", "author=email:a,b@example.org")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.authors[*].key")
			.isEqualTo(List.of("email:a,b@example.org"))
			.jsonPath("$.authors[0].commits")
			.isEqualTo(List.of(1));
	}

	@Test
	void answersNotFoundWithAProblemWhenTheRepositoryIsNotStored() {
		for (String path : List.of("/api/v1/repository/activity", "/api/v1/repository/authors/activity")) {
			get(path, "repository=acme/never-fetched", "author=ada").expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.value(String.class, detail -> assertThat(detail).contains("acme/never-fetched"));
		}
	}

	@ParameterizedTest(name = "[{index}] ?{0}")
	@ValueSource(strings = { "", "repository=", "repository=../etc", "repository=acme/valid&provider=GitHub!",
			"repository=acme/valid&by=year", "repository=acme/valid&by=MONTH", "repository=acme/valid&periods=0",
			"repository=acme/valid&periods=521", "repository=acme/valid&periods=abc" })
	void rejectsBadParametersWithABadRequestProblem(String query) {
		aRepository("github", "acme/valid").commitsBy("someone", 1).store();
		String[] parameters = query.isEmpty() ? new String[0] : query.split("&");

		badRequest(get("/api/v1/repository/activity", parameters));
		String[] withAuthor = java.util.Arrays.copyOf(parameters, parameters.length + 1);
		withAuthor[parameters.length] = "author=someone";
		badRequest(get("/api/v1/repository/authors/activity", withAuthor));
	}

	@Test
	void rejectsAnAuthorsRequestWithoutAnAuthorOrWithTooManyOfThem() {
		aRepository("github", "acme/valid").commitsBy("someone", 1).store();

		badRequest(get("/api/v1/repository/authors/activity", "repository=acme/valid"));
		String[] tooMany = new String[102];
		tooMany[0] = "repository=acme/valid";
		for (int i = 1; i < tooMany.length; i++) {
			tooMany[i] = "author=a" + i;
		}
		badRequest(get("/api/v1/repository/authors/activity", tooMany));
	}

	@Test
	void describesBothOperationsTheirConstraintsAndTheirProblemAnswersInOpenApi() {
		JsonNode docs = json.readTree(web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		for (String path : List.of("/api/v1/repository/activity", "/api/v1/repository/authors/activity")) {
			JsonNode operation = docs.path("paths").path(path).path("get");
			assertThat(operation.path("summary").asString("")).as(path).isNotBlank();
			assertThat(operation.at("/responses/200").isObject()).as(path).isTrue();
			for (int status : List.of(400, 404, 503)) {
				JsonNode content = operation.at("/responses/" + status + "/content/application~1problem+json");
				assertThat(content.at("/schema/$ref").asString("")).as(path + " " + status)
					.isEqualTo("#/components/schemas/Problem");
				assertThat(content.path("examples").size()).as(path + " " + status).isPositive();
				content.path("examples").forEach(example -> {
					JsonNode value = example.get("value");
					JsonNode problem = value.isString() ? json.readTree(value.asString()) : value;
					assertThat(problem.get("status").asInt()).as(path + " " + status).isEqualTo(status);
				});
			}
			assertThat(parameter(operation, "by").at("/schema/enum").toString())
				.isEqualTo("[\"day\",\"week\",\"month\"]");
			JsonNode periods = parameter(operation, "periods").get("schema");
			assertThat(periods.get("minimum").asInt()).isEqualTo(1);
			assertThat(periods.get("maximum").asInt()).isEqualTo(ActivityController.MAX_PERIODS);
			assertThat(periods.get("default").asInt()).isEqualTo(ActivityController.DEFAULT_PERIODS);
			assertThat(parameter(operation, "repository").get("required").asBoolean()).isTrue();
		}
		JsonNode author = parameter(docs.at("/paths/~1api~1v1~1repository~1authors~1activity/get"), "author");
		assertThat(author.get("required").asBoolean()).isTrue();
		assertThat(author.at("/schema/maxLength").asInt()).isEqualTo(1024);
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.get("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + name + " in " + operation);
	}

	/**
	 * Ada in January, April and May 2024, Bob in January and twice in May: February and
	 * March have none.
	 */
	private static void monthsApart(String repository) {
		aRepository("github", repository)
			.commit("m1", "ada", "ada", "Ada", "ada@example.org", at("2024-01-01T00:00:00Z"))
			.commit("m2", "bob", "bob", "Bob", "bob@example.org", at("2024-01-31T23:59:59Z"))
			.commit("m3", "ada", "ada", "Ada", "ada@example.org", at("2024-04-15T12:00:00Z"))
			.commit("m4", "bob", "bob", "Bob", "bob@example.org", at("2024-05-01T00:00:00Z"))
			.commit("m5", "ada", "ada", "Ada", "ada@example.org", at("2024-05-20T08:00:00Z"))
			.commit("m6", "bob", "bob", "Bob", "bob@example.org", at("2024-05-31T23:59:59Z"))
			.store();
	}

	private static void badRequest(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	private WebTestClient.ResponseSpec get(String path, String... parameters) {
		return web.get().uri(uri -> {
			uri.path(path);
			Map<String, String> values = new HashMap<>();
			for (int i = 0; i < parameters.length; i++) {
				String[] parameter = parameters[i].split("=", 2);
				uri.queryParam(parameter[0], "{v" + i + "}");
				values.put("v" + i, parameter[1]);
			}
			return uri.build(values);
		}).exchange();
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
