package dev.commitcollector.query.web;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.commitcollector.query.QueryIntegrationTest;
import dev.commitcollector.query.web.RawHttp.Answer;
import dev.commitcollector.query.web.RawHttp.Request;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throws malformed requests at the query API over a real socket: hand-picked ones and
 * ones generated from a fixed seed. None may answer 5xx or log at ERROR, and every 4xx is
 * an RFC 9457 problem a person can read.
 */
class MalformedRequestsTest extends QueryIntegrationTest {

	private static final String REPOSITORY = "acme/malformed";

	private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

	/**
	 * Raw, as they go into the request line: percent-encoding good and bad, raw bytes,
	 * sizes, numbers.
	 */
	private static final List<String> MALFORMED = List.of("%00", "a%00b", "%01", "%1F", "%7F", "%0A", "%0D%0A", "%09",
			"%C2%85", "%C2%9F", "%", "%z", "%zz", "%0", "a%2", "%C0%AE", "%C0%80", "%E0%80%AF", "%F0%80%80%AF", "%FF",
			"%FE%FF", "%ED%A0%80", "%C3", "%E2%82", "%F4%90%80%80", "\u00C3\u00A9", "\u00FF", "\u0080", "", "+", "%20",
			"-1", "0", "99999999999999999999", "2147483648", "-2147483649", "1e3", "0x10", "NaN", "1.5", "%2e%2e%2f",
			"..%2F..%2Fetc%2Fpasswd", "%25", "%u0000", "\\x00", "%27%3B--", "%E2%80%AE", "%EF%BB%BF", "%F0%9F%92%A9",
			"a".repeat(201), "b".repeat(301), "c".repeat(1025), "d".repeat(2049), "%00".repeat(400));

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void answersEveryMalformedRequestBelow500WithAProblemDetail() throws InterruptedException {
		aRepository("github", REPOSITORY).commitsBy("login:x", 3).store();
		List<Request> requests = new ArrayList<>(handPicked());
		requests.addAll(generated(new Random(20260707L), 400));
		EarlierLeaks.reportNow();
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
			.info("query-service: malformed requests tried {}, 4xx {}, 5xx {}, by status {}", requests.size(),
					count(statuses, 400, 499), count(statuses, 500, 599), statuses);
		assertThat(requests).hasSizeGreaterThanOrEqualTo(100);
		assertThat(failures).isEmpty();
		assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
	}

	@Test
	void refusesNulInFilterAuthorKeyAndCursorNamingTheParameter() {
		aRepository("github", REPOSITORY).commitsBy("login:x", 3).store();
		assertBadRequestNaming("/api/v1/repository/authors?repository=" + REPOSITORY + "&filter=a%00b", "filter");
		assertBadRequestNaming("/api/v1/authors/login:%00x/commits?repository=" + REPOSITORY, "author");
		assertBadRequestNaming(
				"/api/v1/repository/authors?repository=" + REPOSITORY + "&after=" + cursor("3\nlogin:\u0000x"),
				"after");
		assertBadRequestNaming("/api/v1/authors/login:x/commits?repository=" + REPOSITORY + "&after="
				+ cursor("2024-01-01T00:00:00Z\n\u0000"), "after");
		assertBadRequestNaming("/api/v1/repositories?after=" + cursor("github\nacme/\u0000"), "after");
	}

	@Test
	void refusesCursorDatesTheStoreCannotHold() {
		for (String date : List.of("+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "-0001-01-01T00:00:00Z",
				"+294277-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z")) {
			assertBadRequestNaming(
					"/api/v1/authors/login:x/commits?repository=" + REPOSITORY + "&after=" + cursor(date + "\n" + SHA),
					"after");
		}
	}

	@Test
	void refusesOversizedValuesNamingTheParameterAndItsBound() {
		assertBadRequestNaming("/api/v1/repository/authors?repository=" + REPOSITORY + "&filter=" + "x".repeat(201),
				"filter");
		assertBadRequestNaming("/api/v1/authors/" + "k".repeat(1025) + "/commits?repository=" + REPOSITORY, "author");
		assertBadRequestNaming("/api/v1/repositories?after=" + "A".repeat(2049), "after");
		assertBadRequestNaming("/api/v1/repository?repository=a/" + "b".repeat(300), "repository");
	}

	@Test
	void refusesAParameterGivenTwiceButTakesAuthorsRepeated() {
		aRepository("github", REPOSITORY).commitsBy("login:x", 3).store();
		assertBadRequestNaming("/api/v1/repository/authors?repository=" + REPOSITORY + "&size=1&size=2",
				"query parameter 'size' is given more than once");
		assertBadRequestNaming("/api/v1/authors?repository=" + REPOSITORY + "&repository=other/repo", "'repository'");
		assertThat(RawHttp
			.send(port, Request
				.get("/api/v1/repository/authors/activity?repository=" + REPOSITORY + "&author=login:x&author=login:y"))
			.status()).isEqualTo(200);
	}

	@Test
	void refusesBrokenPercentEncodingAndRawBytesInTheRequestTarget() {
		assertBadRequestNaming("/api/v1/repository/authors?repository=" + REPOSITORY + "&filter=%zz", "filter");
		assertBadRequestNaming("/api/v1/repository/authors?repository=" + REPOSITORY + "&filter=%C0%AE", "filter");
		assertBadRequestNaming("/api/v1/authors/%ED%A0%80/commits?repository=" + REPOSITORY, "author");
		assertBadRequestNaming("/api/v1/repository?repository=acme/\u00C3\u00A9", "repository");
	}

	@Test
	void saysANumberParameterMustBeAWholeNumberWhenItCannotBeRead() {
		aRepository("github", REPOSITORY).commitsBy("login:x", 3).store();
		String authors = "/api/v1/authors?repository=" + REPOSITORY;
		for (String target : List.of(authors + "&page=abc", authors + "&size=1e3",
				"/api/v1/repository/authors?repository=" + REPOSITORY + "&size=1.5",
				"/api/v1/authors/login:x/commits?repository=" + REPOSITORY + "&size=ten")) {
			String parameter = target.contains("page=") ? "page" : "size";
			assertBadRequestNaming(target, "query parameter '" + parameter + "' must be a whole number, was '");
		}
		assertBadRequestNaming(authors + "&page=99999999999",
				"query parameter 'page' must be a whole number no larger than 2147483647, was '99999999999'");
	}

	private void assertBadRequestNaming(String target, String parameter) {
		Answer answer = RawHttp.send(port, Request.get(target));
		assertThat(answer.status()).as(target).isEqualTo(400);
		assertThat(problemIn(Request.get(target), answer)).as(answer.body()).isNull();
		assertThat(json.readTree(answer.body()).get("detail").asString()).as(target).contains(parameter);
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
		String authors = "/api/v1/repository/authors?repository=" + REPOSITORY;
		String commits = "/api/v1/authors/login:x/commits?repository=" + REPOSITORY;
		List<Request> requests = new ArrayList<>();
		for (String target : List.of(authors + "&filter=a%00b",
				commits + "&after=" + cursor("2024-01-01T00:00:00Z\n\u0000"),
				"/api/v1/authors/login:%00x/commits?repository=" + REPOSITORY,
				authors + "&after=" + cursor("3\nlogin:\u0000"), "/api/v1/repositories?after=" + cursor("a\u0000\nb"),
				commits + "&after=" + cursor("+10000-01-01T00:00:00Z\n" + SHA),
				commits + "&after=" + cursor("0000-01-01T00:00:00Z\n" + SHA),
				commits + "&after=" + cursor("-0001-01-01T00:00:00Z\n" + SHA),
				commits + "&after=" + cursor("9999-12-31T23:59:59.999999999Z\n" + SHA),
				commits + "&after=" + cursor("2024-01-01T00:00:00+25:00\n" + SHA),
				commits + "&after=" + cursor("2024-02-30T00:00:00Z\n" + SHA),
				authors + "&after=" + cursor("9223372036854775807\nlogin:x"),
				authors + "&after=" + cursor("-9223372036854775808\nlogin:x"),
				authors + "&after=" + cursor("99999999999999999999\nlogin:x"), authors + "&after=" + cursor("\n"),
				authors + "&after=" + cursor(""), authors + "&after=!!!", authors + "&after=====", authors + "&after=a",
				authors + "&after=ab%3Dc", authors + "&after=a+b/c",
				authors + "&after=" + rawCursor(0xFF, 0xFE, '\n', 0xC0, 0x80),
				authors + "&after=" + cursor("3\n" + "k".repeat(3000)), authors + "&size=1&size=2",
				authors + "&filter=a&filter=b", authors + "&after=x&after=y",
				"/api/v1/repository?repository=a/b&repository=c/d",
				"/api/v1/authors?repository=" + REPOSITORY + "&page=-1",
				"/api/v1/authors?repository=" + REPOSITORY + "&page=99999999999",
				"/api/v1/authors?repository=" + REPOSITORY + "&page=2147483647&size=500",
				"/api/v1/authors?repository=" + REPOSITORY + "&size=-5",
				"/api/v1/authors?provider=GitHub&repository=" + REPOSITORY,
				"/api/v1/authors?provider=&repository=" + REPOSITORY, "/api/v1/authors", "/api/v1/authors/",
				"/api/v1/authors/x", "/api/v1/authors//commits?repository=" + REPOSITORY,
				"/api/v1/authors/%2F/commits?repository=" + REPOSITORY,
				"/api/v1/authors/..%2F..%2F/commits?repository=" + REPOSITORY, "/api/v1/authors/%2e%2e/commits",
				"/api/v1/nope", "/api/v2/authors", "//api//v1//repositories", "/api/v1/repositories;x=%00",
				"/api/v1/repositories;jsessionid=abc", "/api/v1/repositories?%00=1", "/api/v1/repositories?=&&&=",
				"/api/v1/repositories?size", "/api/v1/repositories?size=", "/api/v1/repositories#frag", "/%00", "/%zz",
				"/..%2F..%2Fetc%2Fpasswd", "/ui/config?x=%00", "/actuator/health?x=%zz",
				"/api/v1/repositories?x=" + "y".repeat(3000), "/api/v1/repositories?" + "a=1&".repeat(600),
				"/api/v1/" + "x/".repeat(1500))) {
			requests.add(Request.get(target));
		}
		for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
			requests.add(new Request(method, authors, java.util.Map.of("Content-Type", "application/json"),
					"{\"a\":".getBytes(StandardCharsets.UTF_8)));
		}
		requests.add(Request.get(authors).with("Accept", "application/xml"));
		requests.add(Request.get(authors + "&filter=%00").with("Accept", "text/html"));
		requests.add(Request.get(authors).with("Accept", ";;;/"));
		requests.add(Request.get(authors).with("Accept", "application/json;q=x"));
		requests.add(Request.get(authors).with("Content-Type", "garbage"));
		requests.add(Request.get(authors).with("Accept-Charset", "\u00FF\u00FE"));
		requests.add(Request.get(authors).with("X-Long", "h".repeat(20_000)));
		requests.add(Request.get(authors).with("Accept-Language", "??;q=\u00FF,*;q=-1"));
		requests.add(Request.get(authors).with("If-Modified-Since", "yesterday"));
		requests.add(Request.get(authors).with("If-None-Match", "\"unterminated"));
		requests.add(Request.get(authors).with("Range", "bytes=-5-"));
		requests.add(Request.get(authors).with("Origin", "http://["));
		requests.add(Request.get(authors).with("Origin", "null"));
		requests.add(new Request("OPTIONS", authors,
				java.util.Map.of("Origin", "http://evil.example", "Access-Control-Request-Method", "\u00FF"),
				new byte[0]));
		requests.add(Request.get(authors).with("X-Forwarded-Host", "\u00FF:99999"));
		requests.add(Request.get(authors).with("Forwarded", "for=\"[::1"));
		requests.add(Request.get(authors).with("Host", "[::1"));
		requests.add(Request.get(authors).with("Expect", "100-continue"));
		requests.add(new Request("GET", authors, java.util.Map.of("Transfer-Encoding", "chunked"),
				"zz\r\nabc\r\n".getBytes(StandardCharsets.ISO_8859_1)));
		requests.add(new Request("GET", authors + " HTTP/1.1\r\nX-Injected: 1\r\nY:", java.util.Map.of(), new byte[0]));
		requests.add(new Request("G\u00C9T", authors, java.util.Map.of(), new byte[0]));
		requests.add(new Request("HEAD", authors + "&filter=%00", java.util.Map.of(), new byte[0]));
		requests.add(new Request("GET", authors, java.util.Map.of("Content-Type", "application/json"),
				"\u0000\u00FF".repeat(1000).getBytes(StandardCharsets.ISO_8859_1)));
		return requests;
	}

	/**
	 * Requests that each put malformed values (one or more) into otherwise good requests,
	 * from a fixed seed.
	 */
	private static List<Request> generated(Random random, int count) {
		List<Request> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String author = pick(random, "login:x", "author");
			String provider = pick(random, "github", "provider");
			String repository = pick(random, REPOSITORY, "repository");
			String size = pick(random, "10", "size");
			String after = random.nextInt(3) == 0 ? randomCursor(random) : pick(random, "", "after");
			String filter = pick(random, "x", "filter");
			String target = switch (random.nextInt(5)) {
				case 0 -> "/api/v1/authors?provider=" + provider + "&repository=" + repository + "&page="
						+ pick(random, "0", "page") + "&size=" + size;
				case 1 -> "/api/v1/repository/authors?provider=" + provider + "&repository=" + repository + "&size="
						+ size + "&after=" + after + "&filter=" + filter;
				case 2 -> "/api/v1/authors/" + author + "/commits?provider=" + provider + "&repository=" + repository
						+ "&size=" + size + "&after=" + after;
				case 3 -> "/api/v1/repositories?size=" + size + "&after=" + after;
				default -> "/api/v1/repository?provider=" + provider + "&repository=" + repository;
			};
			requests.add(Request.get(target));
		}
		return requests;
	}

	/**
	 * The good value most of the time, otherwise a malformed one, sometimes inside the
	 * good one.
	 */
	private static String pick(Random random, String good, String what) {
		int roll = random.nextInt(10);
		String bad = MALFORMED.get(random.nextInt(MALFORMED.size()));
		return roll < 5 ? good : roll < 8 ? bad : good + bad;
	}

	private static String randomCursor(Random random) {
		String first = switch (random.nextInt(4)) {
			case 0 -> String.valueOf(random.nextLong());
			case 1 -> String.format("%+06d-01-01T00:00:00Z", random.nextInt(40_000) - 20_000);
			case 2 -> "github";
			default -> new String(new char[] { (char) random.nextInt(0x20), (char) random.nextInt(0x3000) });
		};
		String second = random.nextBoolean() ? SHA : "login:" + (char) random.nextInt(0x80);
		return cursor(first + "\n" + second);
	}

	private static String cursor(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String rawCursor(int... bytes) {
		byte[] raw = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			raw[i] = (byte) bytes[i];
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
	}

	private static ListAppender<ILoggingEvent> capturingLog() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(appender);
		return appender;
	}

}
