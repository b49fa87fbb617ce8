package dev.commitcollector.query.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What a browser may do with the page. It is read as the type it names ({@code nosniff}).
 * Showing text from forges and holding the fetcher's API key for its session, it runs
 * only its own scripts and styles, talks only to this service and the fetcher
 * ({@code QUERY_FETCHER_URL}), is never framed by another page, and sends no referrer
 * along with links to the forges.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

	private static final String API = "/api/";

	private final String contentSecurityPolicy;

	SecurityHeaders(UiSettings ui) {
		this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "connect-src 'self' " + originOf(ui.fetcherUrl()) + "; frame-ancestors 'none'; object-src 'none'; "
				+ "base-uri 'none'; form-action 'self'";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith(API)) {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("X-Frame-Options", "DENY");
			headers.set("Referrer-Policy", "no-referrer");
			// Swagger UI (springdoc's, not this page) brings its own scripts and styles
			if (!path.startsWith("/swagger-ui") && !path.startsWith("/webjars/")) {
				headers.set("Content-Security-Policy", contentSecurityPolicy);
			}
		}
		return chain.filter(exchange);
	}

	/** Just after {@link PiecewiseBodyFilter}, before anything that answers. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	private static String originOf(URI url) {
		return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
	}

}
