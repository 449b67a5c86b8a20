package io.switchboard.gateway.webhook;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** Reads a signed request's body into a {@link PostedEvent}, or answers 400 naming what is wrong with it. */
@Sharable
final class EventDecoder extends SimpleChannelInboundHandler<WebhookRequest> {

    private final WebhookEventReader reader;
    private final Replies replies;

    EventDecoder(WebhookEventReader reader, Replies replies) {
        this.reader = reader;
        this.replies = replies;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebhookRequest request) {
        try {
            ctx.fireChannelRead(new PostedEvent(reader.read(request.body()), request.keepAlive()));
        } catch (InvalidEventException e) {
            replies.refuse(ctx, request.keepAlive(), Outcome.BAD_REQUEST, e.getMessage(), e.errors());
        }
    }
}
