package dev.commitcollector.fetcher.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Refuses, with a problem detail, a request whose target breaks {@link #RULES}, whose
 * {@code Accept} or {@code Content-Type} is not a media type, or that is not HTTP at all.
 * It runs in the HTTP server, before Spring reads the request: there an unparseable
 * target (a bad percent-escape, a raw control character) would get an empty 400 and an
 * unparseable {@code Accept} a 406 that is not a problem. The README lists the bounds.
 */
@Component
class RequestScreen implements NettyServerCustomizer {

	static final RequestTargetRules RULES = new RequestTargetRules(Map.of("id", 36), 2048,
			List.of("/api/v1/fetches/{id}", "/api/v1/watches/{id}"), Set.of());

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remote) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "requestScreen", new RequestScreenHandler(RULES));
			}
		});
	}

}
