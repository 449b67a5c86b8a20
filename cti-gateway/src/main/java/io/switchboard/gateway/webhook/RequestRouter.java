package io.switchboard.gateway.webhook;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Lets through only {@code POST /pbx/events}, as a {@link WebhookRequest}; answers anything else 404 or 405, and a
 * request the HTTP codec could not parse 400 (closing the connection, whose stream is lost).
 */
@Sharable
final class RequestRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String EVENTS_PATH = "/pbx/events";

    private final Replies replies;

    RequestRouter(Replies replies) {
        this.replies = replies;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            replies.refuse(
                    ctx,
                    false,
                    Outcome.BAD_REQUEST,
                    "malformed HTTP request: " + request.decoderResult().cause().getMessage());
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!EVENTS_PATH.equals(new QueryStringDecoder(request.uri()).path())) {
            replies.refuse(ctx, keepAlive, Outcome.NOT_FOUND, "the webhook takes events at POST " + EVENTS_PATH);
        } else if (!HttpMethod.POST.equals(request.method())) {
            replies.refuse(ctx, keepAlive, Outcome.METHOD_NOT_ALLOWED, EVENTS_PATH + " takes POST only");
        } else {
            ctx.fireChannelRead(new WebhookRequest(
                    request.headers().get(WebhookSignature.TIMESTAMP_HEADER),
                    request.headers().get(WebhookSignature.SIGNATURE_HEADER),
                    ByteBufUtil.getBytes(request.content()),
                    keepAlive));
        }
    }
}
