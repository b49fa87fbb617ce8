package dev.commitcollector.query.web;

import java.util.Optional;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * {@link RequestScreen}'s work on one connection, between the HTTP codec and Reactor
 * Netty. A refused request goes no further, nor does anything after it; its answer waits
 * for the answers to requests before it (pipelining), and the connection closes after it.
 * A body whose chunked framing breaks is cut short where it breaks, so the application
 * answers a truncated body instead of racing the server's own bare 400 (and logging that
 * it lost), and the connection closes after that answer: the codec reads nothing more
 * from it.
 */
final class RequestScreenHandler extends ChannelDuplexHandler {

	private final RequestTargetRules rules;

	/** Requests passed on whose answer is not yet written. */
	private int answering;

	/**
	 * A refusal that waits for the answers before it; once it is written the connection
	 * closes.
	 */
	private Refusal waiting;

	private boolean refused;

	private boolean cutShort;

	RequestScreenHandler(RequestTargetRules rules) {
		this.rules = rules;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		if (refused || waiting != null) {
			ReferenceCountUtil.release(message);
			return;
		}
		if (message instanceof HttpRequest request) {
			Optional<Refusal> refusal = Refusal.of(request, rules);
			if (refusal.isPresent()) {
				ReferenceCountUtil.release(message);
				refuseAfterAnswers(context, refusal.get());
				return;
			}
			answering++;
		}
		if (message instanceof HttpContent content && content.decoderResult().isFailure()) {
			content.release();
			cutShort = true;
			if (answering == 0) {
				context.close();
			}
			else {
				context.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
			}
		}
		else {
			context.fireChannelRead(message);
		}
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
		boolean informational = message instanceof HttpResponse response
				&& response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
		if (cutShort && message instanceof HttpResponse response && !informational) {
			response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		}
		if (!(message instanceof LastHttpContent) || informational) {
			context.write(message, promise);
			return;
		}
		context.write(message, promise.unvoid()).addListener(written -> {
			answering = Math.max(0, answering - 1);
			if (answering == 0 && cutShort) {
				context.close();
			}
			else if (answering == 0 && waiting != null) {
				refuseAfterAnswers(context, waiting);
			}
		});
	}

	private void refuseAfterAnswers(ChannelHandlerContext context, Refusal refusal) {
		if (answering == 0) {
			refused = true;
			waiting = null;
			refusal.answer(context);
		}
		else {
			waiting = refusal;
		}
	}

}
