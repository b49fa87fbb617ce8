package dev.commitcollector.query.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why {@link RequestScreen} refuses a request, answered as an RFC 9457 problem detail.
 */
record Refusal(HttpResponseStatus status, String detail) {

	private static final Logger log = LoggerFactory.getLogger(Refusal.class);

	/** Empty when nothing in the request line or the media type headers is wrong. */
	static Optional<Refusal> of(HttpRequest request, RequestTargetRules rules) {
		if (!request.decoderResult().isSuccess()) {
			return Optional.of(unreadable(request.decoderResult().cause()));
		}
		return rules.problemOf(request.uri())
			.or(() -> mediaTypeProblem(request.headers()))
			.map(detail -> new Refusal(HttpResponseStatus.BAD_REQUEST, detail));
	}

	/** Writes the problem and closes the connection: nothing more is read from it. */
	void answer(ChannelHandlerContext context) {
		log.debug("refused a request: {}", detail);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.reasonPhrase());
		problem.put("status", status.code());
		problem.put("detail", detail);
		byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
				Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

	private static Refusal unreadable(Throwable cause) {
		if (cause instanceof TooLongHttpLineException) {
			return new Refusal(HttpResponseStatus.REQUEST_URI_TOO_LONG,
					"the request line is longer than this server reads (4096 bytes); send shorter parameters");
		}
		if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
			return new Refusal(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
					"the request headers are larger than this server reads; send fewer or shorter headers");
		}
		return new Refusal(HttpResponseStatus.BAD_REQUEST, "the request is not HTTP/1.1 this server can read");
	}

	private static Optional<String> mediaTypeProblem(HttpHeaders headers) {
		try {
			MediaType.parseMediaTypes(headers.getAll(HttpHeaderNames.ACCEPT));
			String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
			if (contentType != null) {
				MediaType.parseMediaType(contentType);
			}
			return Optional.empty();
		}
		catch (InvalidMediaTypeException ex) {
			String reason = ex.getMessage().replaceAll("\\p{Cntrl}", "?");
			return Optional.of("the Accept or Content-Type header is not a media type such as application/json: "
					+ (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason));
		}
	}

}
