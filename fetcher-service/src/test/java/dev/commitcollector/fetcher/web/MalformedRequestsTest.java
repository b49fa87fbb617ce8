package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.commitcollector.fetcher.web.RawHttp.Answer;
import dev.commitcollector.fetcher.web.RawHttp.Request;
import dev.commitcollector.fetcher.FetcherInfrastructure;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throws malformed requests at the fetch API over a real socket, on real Kafka and
 * PostgreSQL: hand-picked ones and ones generated from a fixed seed. None may answer 5xx
 * or log at ERROR, and every 4xx is an RFC 9457 problem. Every forge is a local stub that
 * knows no repository, so a request that happens to be valid starts a fetch that fails at
 * once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fetcher.topic.name=commits.discovered.malformed-test")
class MalformedRequestsTest {

	/**
	 * Open until the JVM ends: the cached Spring context names it, and a failed test run
	 * once more (Surefire's rerun) runs against it again.
	 */
	private static final MockWebServer forge = new MockWebServer();

	private static final String FETCHES = "/api/v1/fetches";

	private static final String JSON = "application/json";

	/**
	 * JSON values for a field, most of them wrong in type, form, size or content; some
	 * right.
	 */
	private static final List<String> VALUES = List.of("null", "1", "-1", "0", "1.5", "1e400", "-1e10", "true", "[]",
			"{}", "[\"a/b\"]", "{\"a\":1}", "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0007\"",
			"\"\\u001b[31m\"", "\"\\u0085\"", "\"\\u007f\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\uFEFF\"",
			"\"github\"", "\"gitlab\"", "\"GitHub\"", "\"nowhere\"", "\"acme/widgets\"", "\"acme\"",
			"\"acme/widgets/extra\"", "\"../etc/passwd\"", "\"https://evil.example/a/b\"", "\"a b/c\"", "\"full\"",
			"\"FULL\"", "\"fast\"", "\"1000\"", "\"abc\"", "2147483648", "-2147483649", "99999999999999999999",
			"100001", "\"" + "x".repeat(300) + "\"", "\"" + "y/".repeat(200) + "z\"", "\"\u00e9\u00e8/\u4e2d\u6587\"",
			"\"\ud83d\udca9/\ud83d\udca9\"");

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JsonMapper applicationJson;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
		FetcherInfrastructure.register(registry);
		forge.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
			}
		});
		forge.start();
		String url = forge.url("/").toString().replaceAll("/$", "");
		for (String provider : List.of("github", "gitlab", "bitbucket", "codeberg")) {
			registry.add("forges.providers." + provider + ".api-url", () -> url);
		}
	}

	@Test
	void answersEveryMalformedRequestBelow500WithAProblemDetail() {
		List<Request> requests = new ArrayList<>(handPicked());
		requests.addAll(generated(new Random(20260707L), 300));
		ListAppender<ILoggingEvent> log = capturingLog();
		List<String> failures = new ArrayList<>();
		TreeMap<Integer, Integer> statuses = new TreeMap<>();
		try {
			for (Request request : requests) {
				Answer answer;
				try {
					answer = RawHttp.send(port, request);
				}
				catch (RuntimeException ex) {
					failures.add(request + " -> no HTTP answer: " + ex.getMessage());
					continue;
				}
				statuses.merge(answer.status(), 1, Integer::sum);
				String problem = problemIn(request, answer);
				if (problem != null) {
					failures.add(request + " -> " + answer.status() + " " + problem + ": " + answer.body());
				}
			}
		}
		finally {
			((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
		}
		LoggerFactory.getLogger(MalformedRequestsTest.class)
			.info("fetcher-service: malformed requests tried {}, 4xx {}, 5xx {}, by status {}", requests.size(),
					count(statuses, 400, 499), count(statuses, 500, 599), statuses);
		assertThat(requests).hasSizeGreaterThanOrEqualTo(100);
		assertThat(failures).isEmpty();
		assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
	}

	@Test
	void refusesControlCharactersInEveryFieldNamingTheField() {
		assertBadRequestNaming(body("{\"provider\":\"git\\u0000hub\",\"repository\":\"acme/widgets\"}"), "provider");
		assertBadRequestNaming(body("{\"repository\":\"acme/wid\\u0000gets\"}"), "repository");
		assertBadRequestNaming(body("{\"repository\":\"acme/widgets\",\"mode\":\"full\\u001b\"}"), "mode");
		assertBadRequestNaming(body("{\"repository\":\"acme/\\ud800\"}"), "repository");
		assertBadRequestNaming(Request.get(FETCHES + "/%00"), "id");
		assertBadRequestNaming(Request.get(FETCHES + "/" + "1".repeat(37)), "id");
		assertBadRequestNaming(body("{\"repository\":\"acme/widgets\"}").with("X", "y").with("Accept", "a/b;q=x"),
				"Accept");
	}

	@Test
	void refusesALimitThatIsNotAWholeNumberInRangeSayingWhatItMustBe() {
		for (String limit : List.of("1.5", "1e3", "2147483648", "99999999999999999999", "\"ten\"")) {
			assertBadRequestNaming(body("{\"repository\":\"acme/widgets\",\"limit\":" + limit + "}"),
					"limit must be a whole number from 1 to 100000");
		}
	}

	@Test
	void leavesTheApplicationsMapperForCommandsAndForgeAnswersAsJacksonReadsByDefault() {
		assertThat(applicationJson.readTree("{\"limit\":1000.0,\"mode\":\"a\",\"mode\":\"b\"}").get("mode").asString())
			.isEqualTo("b");
		assertThat(applicationJson.readValue("{\"repository\":\"a/b\",\"limit\":1000.0}", FetchRequest.class).limit())
			.isEqualTo(1000);
	}

	@Test
	void refusesABodyLargerThanItReadsWith413() {
		Request request = body("{\"repository\":\"acme/widgets\",\"mode\":\"" + "x".repeat(300_000) + "\"}");
		Answer answer = RawHttp.send(port, request);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(problemIn(request, answer)).as(answer.body()).isNull();
	}

	@Test
	void refusesAFieldGivenTwiceInsteadOfTakingTheLast() {
		assertBadRequestNaming(body("{\"repository\":\"acme/widgets\",\"mode\":\"full\",\"mode\":\"incremental\"}"),
				"Duplicate");
		assertBadRequestNaming(body("{\"repository\":\"acme/widgets\",\"limit\":10,\"limit\":20}"), "Duplicate");
	}

	@Test
	void refusesBrokenPercentEncodingInTheRequestTarget() {
		assertBadRequestNaming(Request.get(FETCHES + "/%zz"), "id");
		assertBadRequestNaming(post(FETCHES + "?x=%C0%AE", JSON, "{}"), "'x'");
	}

	private void assertBadRequestNaming(Request request, String name) {
		Answer answer = RawHttp.send(port, request);
		assertThat(answer.status()).as(request.toString()).isEqualTo(400);
		assertThat(problemIn(request, answer)).as(answer.body()).isNull();
		assertThat(json.readTree(answer.body()).get("detail").asString()).as(request.toString()).contains(name);
	}

	private static int count(TreeMap<Integer, Integer> statuses, int from, int to) {
		return statuses.subMap(from, to + 1).values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Why the answer is not acceptable for a malformed request, or null when it is. */
	private String problemIn(Request request, Answer answer) {
		if (answer.status() >= 500) {
			return "a server error";
		}
		if (answer.status() < 400) {
			return null;
		}
		// a page from an origin the fetcher does not allow: its browser would hide any
		// body from it
		if (answer.status() == 403 && request.headers().containsKey("Origin") && answer.body().isEmpty()) {
			return null;
		}
		if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
			return "not application/problem+json but " + answer.contentType();
		}
		if (request.method().equals("HEAD")) {
			return null;
		}
		JsonNode body;
		try {
			body = json.readTree(answer.body());
		}
		catch (RuntimeException ex) {
			return "not JSON";
		}
		if (body.path("status").asInt() != answer.status()) {
			return "no matching status in the body";
		}
		boolean explained = !body.path("detail").asString("").isBlank() || !body.path("title").asString("").isBlank();
		return explained ? null : "neither detail nor title";
	}

	private static List<Request> handPicked() {
		List<Request> requests = new ArrayList<>();
		for (String text : List.of("", " ", "{", "}", "[]", "null", "true", "1", "\"acme/widgets\"", "{\"repository\":",
				"{\"repository\":\"acme/widgets\"", "{'repository':'acme/widgets'}", "{repository:\"acme/widgets\"}",
				"{\"repository\":\"acme/widgets\",}", "{\"repository\":\"acme/widgets\"} trailing",
				"{\"repository\":\"acme/widgets\"}{}", "{\"repository\":\"acme/widgets\",\"limit\":}",
				"{\"repository\":\"acme/\u0001widgets\"}", "{\"repository\":\"acme/widgets\",\"limit\":0x10}",
				"{\"repository\":\"acme/widgets\",\"limit\":NaN}", "{\"repository\":\"acme/widgets\",\"limit\":-0}",
				"{\"repository\":\"a/b\",\"repository\":\"c/d\",\"limit\":-5}", "{\"\u0000\":1}",
				"{\"repository\":\"acme/widgets\",\"limit\":" + "9".repeat(5000) + "}",
				"[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
				"{\"repository\":\"" + "a".repeat(300_000) + "\"}",
				"{\"padding\":\"" + " ".repeat(2_000_000) + "\"}")) {
			requests.add(post(FETCHES, JSON, text));
		}
		requests.add(Request.post(FETCHES, JSON,
				new byte[] { '{', '"', 'r', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}' }));
		requests.add(Request.post(FETCHES, JSON, new byte[] { (byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0 }));
		requests.add(Request.post(FETCHES, JSON, new byte[] { '{', '"', 'r', 'e', 'p', 'o', 's', 'i', 't', 'o', 'r',
				'y', '"', ':', '"', 'a', '/', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}' }));
		requests.add(Request.post(FETCHES, JSON + ";charset=UTF-16",
				"{\"repository\":\"acme/widgets\"}".getBytes(StandardCharsets.UTF_16)));
		requests.add(Request.post(FETCHES, JSON + ";charset=ISO-8859-1",
				"{\"repository\":\"acme/w\u00e9dgets\"}".getBytes(StandardCharsets.ISO_8859_1)));
		for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/octet-stream", "application/json;charset=bogus",
				"application/merge-patch+json", "*/*", "application/*", "garbage", ";;;", "application/json;q=x")) {
			requests.add(post(FETCHES, type, "{\"repository\":\"acme/widgets\"}"));
		}
		requests.add(Request.post(FETCHES, null, "{\"repository\":\"acme/widgets\"}".getBytes(StandardCharsets.UTF_8)));
		requests.add(post(FETCHES, JSON, "{\"repository\":\"acme/widgets\"}").with("Accept", "application/xml"));
		requests.add(post(FETCHES, JSON, "{\"repository\":\"acme/widgets\"}").with("Accept", "text/html"));
		requests.add(post(FETCHES, JSON, "{\"repository\":\"acme/widgets\"}").with("Content-Encoding", "gzip"));
		requests.add(post(FETCHES, JSON, "{\"repository\":\"acme/widgets\"}").with("Origin", "https://evil.example"));
		requests.add(new Request("POST", FETCHES, Map.of("Content-Type", JSON, "Transfer-Encoding", "chunked"),
				"5\r\n{\"rep\r\nzz\r\n".getBytes(StandardCharsets.ISO_8859_1)));
		for (String method : List.of("PUT", "DELETE", "PATCH", "GET")) {
			requests
				.add(new Request(method, FETCHES, Map.of("Content-Type", JSON), "{}".getBytes(StandardCharsets.UTF_8)));
		}
		requests.add(post(FETCHES + "/00000000-0000-0000-0000-000000000000", JSON, "{}"));
		for (String id : List.of("not-a-uuid", "%00", "00000000-0000-0000-0000-000000000000%00", "1-1-1-1-1",
				"00000000-0000-0000-0000-00000000000G", "%7Bid%7D", "{id}", "..", "%2e%2e", "%2F", "%zz", "%", "%C0%AE",
				"\u00e9", "-1", "99999999999999999999", "x".repeat(5000), "00000000-0000-0000-0000-000000000000/x")) {
			requests.add(Request.get(FETCHES + "/" + id));
		}
		for (String query : List.of("?x=%00", "?repository=%zz", "?%00", "?a=\u00ff", "?limit=-1&limit=2",
				"?" + "a=1&".repeat(600), "?x=" + "y".repeat(2100))) {
			requests.add(post(FETCHES + query, JSON, "{\"repository\":\"acme/widgets\"}"));
		}
		requests.add(Request.get("/api/v1/nope"));
		requests.add(Request.get("/%00"));
		requests.add(Request.get("/actuator/health?x=%zz"));
		requests.add(new Request("HEAD", FETCHES + "/%00", Map.of(), new byte[0]));
		return requests;
	}

	/**
	 * Fetch requests whose fields come from {@link #VALUES}, and good requests cut,
	 * flipped or padded.
	 */
	private static List<Request> generated(Random random, int count) {
		List<Request> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String good = "{\"repository\":\"acme/widgets\",\"limit\":10}";
			byte[] body = switch (random.nextInt(4)) {
				case 0 -> good.substring(0, random.nextInt(good.length())).getBytes(StandardCharsets.UTF_8);
				case 1 -> flipped(random, good.getBytes(StandardCharsets.UTF_8));
				default -> fields(random).getBytes(StandardCharsets.UTF_8);
			};
			requests.add(Request.post(FETCHES, JSON, body));
		}
		return requests;
	}

	private static String fields(Random random) {
		List<String> fields = new ArrayList<>();
		for (String name : List.of("provider", "repository", "limit", "mode")) {
			if (random.nextInt(4) > 0) {
				fields.add("\"" + name + "\":" + VALUES.get(random.nextInt(VALUES.size())));
			}
		}
		return "{" + String.join(",", fields) + "}";
	}

	private static byte[] flipped(Random random, byte[] body) {
		byte[] copy = body.clone();
		for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
			copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
		}
		return copy;
	}

	private static Request body(String json) {
		return post(FETCHES, JSON, json);
	}

	private static Request post(String target, String contentType, String text) {
		return Request.post(target, contentType, text.getBytes(StandardCharsets.UTF_8));
	}

	private static ListAppender<ILoggingEvent> capturingLog() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(appender);
		return appender;
	}

}
