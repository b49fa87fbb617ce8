package dev.commitcollector.query.web;

import static dev.commitcollector.query.StoredCommits.aRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.commitcollector.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The plain keyset pages, which {@link KeysetPagesFilter} answers before annotated
 * dispatch, are byte for byte, header for header, what the controller answers.
 */
class PlainPagesApiTest extends QueryIntegrationTest {

	private static final String REPOSITORY = "acme/plain-pages";

	@Test
	void answersThePlainPagesWithTheControllersBytesAndHeaders() {
		aRepository("github", REPOSITORY)
			.commit(sha(1), "login:ada", "ada", "Ada \"Countess\" Lovelace", "ada@example.org", at(1))
			.commit(sha(2), "login:ada", "ada", "Ada </script>\u2028\u00e9\ud83d\ude00", "ada@example.org", at(2))
			.commit(sha(3), "email:grace@example.org", null, "Grace\\Hopper\t", "grace@example.org", at(3))
			.commit(sha(4), "email:linus@example.org", null, "Linus", "linus@example.org", at(4))
			.coAuthor(sha(4), "Grace Hopper", "grace@example.org")
			.store();
		String authors = "/api/v1/repository/authors?repository=" + REPOSITORY;
		String commits = "/api/v1/authors/login:ada/commits?repository=" + REPOSITORY;
		String nextAuthors = get(authors + "&size=1").get("next").asString();
		String nextCommits = get(commits + "&size=1").get("next").asString();

		for (String uri : List.of(authors, authors + "&size=1", authors + "&size=1&after=" + nextAuthors,
				authors + "&filter=GRACE&provider=github&identities=raw", commits, commits + "&size=1",
				commits + "&size=1&after=" + nextCommits + "&role=author",
				"/api/v1/authors/email:nobody@example.org/commits?repository=" + REPOSITORY)) {
			EntityExchangeResult<byte[]> plain = web.get().uri(uri).exchange().expectBody().returnResult();
			EntityExchangeResult<byte[]> negotiated = web.get()
				.uri(uri)
				.header(HttpHeaders.ACCEPT, "application/json, text/plain")
				.exchange()
				.expectBody()
				.returnResult();

			assertThat(plain.getStatus()).as(uri).isEqualTo(negotiated.getStatus());
			assertThat(plain.getResponseHeaders().toSingleValueMap()).as(uri)
				.isEqualTo(negotiated.getResponseHeaders().toSingleValueMap());
			assertThat(plain.getResponseBody()).as(uri).isEqualTo(negotiated.getResponseBody());
		}
	}

	private static Instant at(int day) {
		return Instant.parse("2024-05-01T00:00:00Z").plusSeconds(86_400L * day);
	}

	private static String sha(int n) {
		return String.format("%040x", 0xe1e1L + n);
	}

}
