package dev.commitcollector.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.commitcollector.query.domain.RepositoryKey;
import dev.commitcollector.query.web.AuthorIndexController.AuthorIndex;
import dev.commitcollector.query.web.AuthorIndexController.CommitList;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which requests {@link KeysetPagesFilter} answers itself (the plain pages) and which it
 * leaves to the controller untouched.
 */
class KeysetPagesFilterTest {

	private static final String AUTHORS = "/api/v1/repository/authors?repository=acme/hot";

	private static final String COMMITS = "/api/v1/authors/login:ada/commits?repository=acme/hot";

	private final StubPages pages = new StubPages();

	private final KeysetPagesFilter filter = new KeysetPagesFilter(pages, JsonMapper.builder().build());

	@Test
	void answersAPlainAuthorsPageItselfUnderTheRoutesTemplate() {
		MockServerWebExchange exchange = observed(MockServerHttpRequest.get(AUTHORS + "&size=20&filter=ad&after=x"));

		assertThat(filterLeavesToController(exchange)).isFalse();

		assertThat(pages.asked).containsExactly("authors github acme/hot x 20 ad");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.isEqualTo("{\"provider\":\"github\",\"repository\":\"acme/hot\",\"totalCommits\":3,\"totalAuthors\":1,"
					+ "\"authors\":[],\"next\":null}");
		assertThat(exchange.getResponse().getHeaders().getContentLength())
			.isEqualTo(exchange.getResponse().getBodyAsString().block().length());
		assertThat(observation(exchange).getPathPattern()).isEqualTo("/api/v1/repository/authors");
	}

	@Test
	void answersAPlainCommitsPageItselfUnderTheRoutesTemplate() {
		MockServerWebExchange exchange = observed(
				MockServerHttpRequest.get(COMMITS + "&role=author&identities=raw").header(HttpHeaders.ACCEPT, "*/*"));

		assertThat(filterLeavesToController(exchange)).isFalse();

		assertThat(pages.asked).containsExactly("commits github acme/hot login:ada null 100");
		assertThat(exchange.getResponse().getBodyAsString().block())
			.isEqualTo("{\"author\":\"login:ada\",\"commits\":[],\"next\":null}");
		assertThat(observation(exchange).getPathPattern()).isEqualTo("/api/v1/authors/{author}/commits");
	}

	static Stream<Named<MockServerHttpRequest>> notPlain() {
		return Stream.of(Named.of("the merged view", MockServerHttpRequest.get(AUTHORS + "&identities=merged").build()),
				Named.of("an unknown view", MockServerHttpRequest.get(AUTHORS + "&identities=other").build()),
				Named.of("another role", MockServerHttpRequest.get(COMMITS + "&role=any").build()),
				Named.of("no repository", MockServerHttpRequest.get("/api/v1/repository/authors").build()),
				Named.of("an empty parameter", MockServerHttpRequest.get(AUTHORS + "&after=").build()),
				Named.of("a parameter twice", MockServerHttpRequest.get(AUTHORS + "&size=5&size=6").build()),
				Named.of("a size out of range", MockServerHttpRequest.get(COMMITS + "&size=1001").build()),
				Named.of("a size with a leading zero", MockServerHttpRequest.get(AUTHORS + "&size=050").build()),
				Named.of("a size with a sign", MockServerHttpRequest.get(AUTHORS + "&size=+5").build()),
				Named.of("a malformed provider", MockServerHttpRequest.get(AUTHORS + "&provider=Git%20Hub").build()),
				Named.of("HEAD", MockServerHttpRequest.head(AUTHORS).build()),
				Named.of("another Accept",
						MockServerHttpRequest.get(AUTHORS).header(HttpHeaders.ACCEPT, "application/xml").build()),
				Named.of("a list of types",
						MockServerHttpRequest.get(AUTHORS)
							.header(HttpHeaders.ACCEPT, "application/json, text/plain")
							.build()),
				Named.of("an Origin",
						MockServerHttpRequest.get(AUTHORS).header(HttpHeaders.ORIGIN, "https://example.org").build()),
				Named.of("an encoded author",
						MockServerHttpRequest.get("/api/v1/authors/login:a%2Fb/commits?repository=acme/hot").build()),
				Named.of("matrix variables",
						MockServerHttpRequest.get("/api/v1/authors/login:a;x=1/commits?repository=acme/hot").build()),
				Named.of("no author",
						MockServerHttpRequest.get("/api/v1/authors//commits?repository=acme/hot").build()),
				Named.of("a trailing slash",
						MockServerHttpRequest.get("/api/v1/repository/authors/?repository=a/b").build()),
				Named.of("another route", MockServerHttpRequest.get("/api/v1/authors?repository=acme/hot").build()));
	}

	@ParameterizedTest
	@MethodSource("notPlain")
	void leavesARequestThatIsNotPlainToTheController(MockServerHttpRequest request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);

		assertThat(filterLeavesToController(exchange)).isTrue();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
		assertThat(exchange.getResponse().getHeaders().isEmpty()).isTrue();
	}

	@Test
	void leavesARepositoryNotStoredACursorItDidNotHandOutAndAStoreFailureToTheController() {
		for (Mono<AuthorIndex> answer : List.of(Mono.<AuthorIndex>empty(),
				Mono.<AuthorIndex>error(new IllegalStateException("the store is down")))) {
			pages.authors = answer;
			MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(AUTHORS));

			assertThat(filterLeavesToController(exchange)).isTrue();
			assertThat(exchange.getResponse().getStatusCode()).isNull();
		}
		pages.refusesCursors = true;
		assertThat(
				filterLeavesToController(MockServerWebExchange.from(MockServerHttpRequest.get(COMMITS + "&after=x"))))
			.isTrue();
	}

	private boolean filterLeavesToController(ServerWebExchange exchange) {
		List<ServerWebExchange> passedOn = new ArrayList<>();
		WebFilterChain controller = passed -> {
			passedOn.add(passed);
			return Mono.empty();
		};
		filter.filter(exchange, controller).block();
		return !passedOn.isEmpty();
	}

	private static MockServerWebExchange observed(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		ServerRequestObservationContext context = new ServerRequestObservationContext(exchange.getRequest(),
				exchange.getResponse(), exchange.getAttributes());
		exchange.getAttributes().put(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE, context);
		return exchange;
	}

	private static ServerRequestObservationContext observation(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElseThrow();
	}

	/** Pages as the read model would give them, recording what was asked. */
	private static final class StubPages extends KeysetPages {

		final List<String> asked = new ArrayList<>();

		Mono<AuthorIndex> authors = Mono.just(new AuthorIndex("github", "acme/hot", 3, 1, List.of(), null));

		boolean refusesCursors;

		StubPages() {
			super(null, new CommitLinks(Map.of()));
		}

		@Override
		Mono<AuthorIndex> authors(RepositoryKey key, String after, int size, String filter) {
			asked.add("authors " + key.provider() + " " + key.path() + " " + after + " " + size + " " + filter);
			return authors;
		}

		@Override
		Mono<CommitList> commits(RepositoryKey key, String author, String after, int size) {
			if (refusesCursors && after != null) {
				throw new IllegalArgumentException("not a cursor this service handed out");
			}
			asked.add("commits " + key.provider() + " " + key.path() + " " + author + " " + after + " " + size);
			return Mono.just(new CommitList(author, List.of(), null));
		}

	}

}
