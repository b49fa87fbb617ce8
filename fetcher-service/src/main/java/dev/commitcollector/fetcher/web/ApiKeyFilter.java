package dev.commitcollector.fetcher.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every POST and DELETE needs {@code Authorization: Bearer <key>} with one of the
 * configured keys; otherwise 401 problem+json with {@code WWW-Authenticate: Bearer}. GETs
 * stay open. The answer carries the CORS header for the page's origins, so the page can
 * read the 401 and ask for a key.
 */
@Component
class ApiKeyFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

	private static final String BEARER = "Bearer ";

	private final ApiKeys keys;

	private final CorsSettings cors;

	ApiKeyFilter(ApiKeys keys, CorsSettings cors) {
		this.keys = keys;
		this.cors = cors;
		if (!keys.required()) {
			log.warn("FETCHER_API_KEYS is not set: anyone who can reach the fetcher can start fetches with its"
					+ " forge tokens; set it to protect POST and DELETE");
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (!keys.required() || !(HttpMethod.POST.equals(method) || HttpMethod.DELETE.equals(method))) {
			return chain.filter(exchange);
		}
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
		if (bearer && keys.accepts(authorization.substring(BEARER.length()).strip())) {
			return chain.filter(exchange);
		}
		return unauthorized(exchange, bearer ? "the API key is not one of FETCHER_API_KEYS"
				: method + " needs Authorization: Bearer <key>, with one of the keys in FETCHER_API_KEYS");
	}

	private Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"commit-collector fetcher\"");
		String origin = exchange.getRequest().getHeaders().getOrigin();
		if (origin != null && cors.allowedOrigins().contains(origin)) {
			headers.setAccessControlAllowOrigin(origin);
			headers.setAccessControlExposeHeaders(List.of(HttpHeaders.WWW_AUTHENTICATE));
			headers.setVary(List.of(HttpHeaders.ORIGIN));
		}
		return ProblemResponse.write(exchange, HttpStatus.UNAUTHORIZED, detail);
	}

	/** Before the application's handlers, after nothing else that changes state. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
