package dev.commitcollector.query.web;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sends an answer written in pieces (a static file, a resource of the API docs) in
 * chunks, without the {@code Content-Length} it was given. With a length, a keep-alive
 * client has the whole answer, and sends its next request, before Reactor Netty 1.3.6 has
 * written the answer's end; the server queues that request as if pipelined, and when it
 * is answered at once from the queue the server never reads the connection again
 * (reactor/reactor-netty#4361, the route {@code lastFlushWhenNoRead} does not cover): the
 * client's next request on it waits until the client gives up. A browser loading the page
 * and its scripts does just that. In chunks, the answer ends with its last write, so the
 * next request cannot overtake it. Answers written in one piece keep their length.
 */
@Component
class PiecewiseBodyFilter implements WebFilter, Ordered {

	private static final String API = "/api/";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * The API's answers are written in one piece, or streamed without a length: they pass
	 * untouched, so the hot pages pay nothing for this.
	 */
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getPath().value().startsWith(API)) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().response(new Chunked(exchange.getResponse())).build());
	}

	/**
	 * Drops the length of a body that is not a single buffer. Not a
	 * {@code ZeroCopyHttpOutputMessage}, so a file is written as buffers too.
	 */
	private static final class Chunked extends ServerHttpResponseDecorator {

		Chunked(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			if (!(body instanceof Mono) && !isCommitted()) {
				getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
			}
			return super.writeWith(body);
		}

	}

}
