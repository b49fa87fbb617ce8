package dev.commitcollector.fetcher.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How long a client may take to send a request's body: at most {@code bodyPause} without
 * a byte of it and {@code body} for all of it. A body that stops halfway, or that
 * trickles in a byte at a time, would otherwise hold its connection and its buffers for
 * ever; past either deadline the request is answered 408 and nothing is started. (A
 * connection idle between requests is closed after {@code server.netty.idle-timeout}.)
 */
@ConfigurationProperties("fetcher.http")
@Validated
record RequestDeadlines(
		@DefaultValue("10s") @NotNull @DurationMin(millis = 1,
				message = "FETCHER_HTTP_BODY_PAUSE must be positive") Duration bodyPause,
		@DefaultValue("30s") @NotNull @DurationMin(millis = 1,
				message = "FETCHER_HTTP_BODY must be positive") Duration body) {

	/** A body that did not arrive within the deadlines; {@code detail} says which. */
	static final class BodyTooSlow extends RuntimeException {

		BodyTooSlow(String detail) {
			super(detail, null, false, false);
		}

	}

	@Component
	static class Enforced implements WebFilter {

		private final RequestDeadlines deadlines;

		Enforced(RequestDeadlines deadlines) {
			this.deadlines = deadlines;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			ServerHttpRequest request = exchange.getRequest();
			return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(request) {
				@Override
				public Flux<DataBuffer> getBody() {
					return deadlines.bound(super.getBody());
				}
			}).build());
		}

	}

	Flux<DataBuffer> bound(Flux<DataBuffer> body) {
		Mono<Long> whole = Mono.delay(body()).cache();
		Mono<Object> next = Mono.firstWithSignal(Mono.delay(bodyPause()), whole).cast(Object.class);
		return body.timeout(next, piece -> Mono.firstWithSignal(Mono.delay(bodyPause()), whole))
			.onErrorMap(TimeoutException.class,
					ex -> new BodyTooSlow("the request's body did not arrive in time: at most "
							+ bodyPause().toSeconds() + " s may pass without a byte of it and " + body().toSeconds()
							+ " s for all of it; send it again whole"));
	}

}
