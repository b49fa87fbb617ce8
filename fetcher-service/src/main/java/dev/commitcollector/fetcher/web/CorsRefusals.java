package dev.commitcollector.fetcher.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A cross-origin request Spring's CORS check refused (an origin not in
 * FETCHER_CORS_ORIGINS, or a method or header not allowed) is answered 403 with a problem
 * detail saying which, instead of an empty body: the check leaves the response unwritten,
 * and this writes it once the chain is done.
 */
@Component
class CorsRefusals implements WebFilter, Ordered {

	/** The origins as Spring's check matches them. */
	private final CorsConfiguration allowed = new CorsConfiguration();

	CorsRefusals(CorsSettings cors) {
		this.allowed.setAllowedOrigins(cors.allowedOrigins());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String origin = exchange.getRequest().getHeaders().getOrigin();
		if (origin == null) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).then(Mono.defer(() -> {
			ServerHttpResponse response = exchange.getResponse();
			if (response.isCommitted() || !HttpStatus.FORBIDDEN.equals(response.getStatusCode())
					|| response.getHeaders().getContentType() != null) {
				return Mono.empty();
			}
			return refuse(exchange, origin);
		}));
	}

	private Mono<Void> refuse(ServerWebExchange exchange, String origin) {
		String shown = (origin.length() > 200 ? origin.substring(0, 200) + "..." : origin).replaceAll("\\p{Cntrl}",
				"?");
		String detail = allowed.checkOrigin(origin) != null
				? "this cross-origin request from " + shown + " is not allowed: only GET, POST and DELETE are"
				: "pages from " + shown
						+ " may not call this API from a browser; FETCHER_CORS_ORIGINS lists the origins that may";
		exchange.getResponse().getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
		return ProblemResponse.write(exchange, HttpStatus.FORBIDDEN, detail);
	}

	/** Around everything, so that it sees the response as the chain left it. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
