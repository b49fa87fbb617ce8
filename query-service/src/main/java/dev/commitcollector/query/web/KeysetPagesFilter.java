package dev.commitcollector.query.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.commitcollector.query.domain.CommitRole;
import dev.commitcollector.query.domain.RepositoryKey;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the two hottest pages, a repository's authors and an author's commits, before
 * annotated dispatch: handler mapping, argument conversion and result handling cost these
 * pages more CPU than their SQL does (docs/performance.md, "Reads near the SQL"). Only a
 * plain request is answered here: a GET of the raw view (the author role) that accepts
 * JSON as it is, sends no {@code Origin}, and gives each parameter at most once,
 * non-empty and, for {@code size}, as plain digits, and whose page is there to answer.
 * Everything else (a refusal, a repository not stored, a store that cannot be read, the
 * merged view, content negotiation) goes on to {@link AuthorIndexController} untouched,
 * so it answers as it always has. The request's observation is given the route's
 * template, as handler mapping gives it, so {@code http.server.requests} and traces name
 * these routes as before.
 */
@Component
class KeysetPagesFilter implements WebFilter, Ordered {

	static final String AUTHORS = "/api/v1/repository/authors";

	static final String COMMITS = "/api/v1/authors/{author}/commits";

	private static final String COMMITS_PREFIX = "/api/v1/authors/";

	private static final String COMMITS_SUFFIX = "/commits";

	private static final Set<String> ACCEPTED_AS_IS = Set.of(MediaType.ALL_VALUE, MediaType.APPLICATION_JSON_VALUE);

	private final KeysetPages pages;

	private final ObjectWriter json;

	KeysetPagesFilter(KeysetPages pages, JsonMapper mapper) {
		this.pages = pages;
		this.json = mapper.writer();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String route = route(request);
		Mono<? extends KeysetJson.Page> page = route == null ? null : page(route, request);
		if (page == null) {
			return chain.filter(exchange);
		}
		return page.map(answer -> Optional.<KeysetJson.Page>of(answer))
			.defaultIfEmpty(Optional.empty())
			.onErrorReturn(Optional.empty())
			.flatMap(answer -> answer.isPresent() ? write(exchange, route, answer.get()) : chain.filter(exchange));
	}

	/** The route of a plain GET of one of the two pages; null for any other request. */
	private static @Nullable String route(ServerHttpRequest request) {
		if (request.getMethod() != HttpMethod.GET || request.getHeaders().getOrigin() != null
				|| !acceptsJsonAsIs(request.getHeaders().get(HttpHeaders.ACCEPT))) {
			return null;
		}
		String path = request.getPath().pathWithinApplication().value();
		if (path.equals(AUTHORS)) {
			return AUTHORS;
		}
		return author(path) == null ? null : COMMITS;
	}

	private static boolean acceptsJsonAsIs(@Nullable List<String> accept) {
		return accept == null || accept.isEmpty() || (accept.size() == 1 && ACCEPTED_AS_IS.contains(accept.get(0)));
	}

	/**
	 * The author of a commits path, when it needs no decoding (no {@code %}, no {@code ;}
	 * that path matching would read as matrix variables).
	 */
	private static @Nullable String author(String path) {
		if (!path.startsWith(COMMITS_PREFIX) || !path.endsWith(COMMITS_SUFFIX)) {
			return null;
		}
		int start = COMMITS_PREFIX.length();
		int end = path.length() - COMMITS_SUFFIX.length();
		if (end <= start) {
			return null;
		}
		String author = path.substring(start, end);
		return author.indexOf('/') < 0 && author.indexOf('%') < 0 && author.indexOf(';') < 0 ? author : null;
	}

	/**
	 * The page the controller would answer for a plain request; null when the request is
	 * not one or the controller would refuse it.
	 */
	private @Nullable Mono<? extends KeysetJson.Page> page(String route, ServerHttpRequest request) {
		MultiValueMap<String, String> query = request.getQueryParams();
		try {
			String provider = single(query, "provider");
			RepositoryKey key = new RepositoryKey(provider == null ? RepositoryKey.DEFAULT_PROVIDER : provider,
					single(query, "repository"));
			Integer size = size(single(query, "size"));
			String after = single(query, "after");
			if (Identities.merged(single(query, "identities"))) {
				return null;
			}
			if (route.equals(AUTHORS)) {
				return pages.authors(key, after, Sizes.within(size, 50, 500, "authors page"), single(query, "filter"));
			}
			if (Identities.role(single(query, "role")) != CommitRole.AUTHOR) {
				return null;
			}
			return pages.commits(key, author(request.getPath().pathWithinApplication().value()), after,
					Sizes.within(size, 100, 1000, "commits page"));
		}
		catch (IllegalArgumentException | NotPlain ex) {
			return null;
		}
	}

	/** A parameter given at most once and not empty; else not a plain request. */
	private static @Nullable String single(MultiValueMap<String, String> query, String name) {
		List<String> values = query.get(name);
		if (values == null) {
			return null;
		}
		if (values.size() != 1 || values.get(0).isEmpty()) {
			throw new NotPlain();
		}
		return values.get(0);
	}

	/** A size in plain digits; anything else is left to the controller's conversion. */
	private static @Nullable Integer size(@Nullable String value) {
		if (value == null) {
			return null;
		}
		if (value.length() > 4 || value.charAt(0) == '0' || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new NotPlain();
		}
		return Integer.valueOf(value);
	}

	private Mono<Void> write(ServerWebExchange exchange, String route, KeysetJson.Page page) {
		ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.ifPresent(context -> context.setPathPattern(route));
		byte[] body = json.writeValueAsBytes(page);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/** A request this filter leaves to the controller. */
	private static final class NotPlain extends RuntimeException {

		NotPlain() {
			super(null, null, false, false);
		}

	}

}
