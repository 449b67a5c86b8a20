package io.switchboard.gateway.webhook;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * Hands a valid event to the call tracker's queue and answers: 202 when queued, 200 when its id was seen before
 * (ignored), 503 with Retry-After when the queue is full (not remembered, so the PBX's retry is taken).
 */
@Sharable
final class IntakeHandler extends SimpleChannelInboundHandler<PostedEvent> {

    private final WebhookHandOff handOff;
    private final WebhookMetrics metrics;
    private final Replies replies;

    IntakeHandler(WebhookHandOff handOff, WebhookMetrics metrics, Replies replies) {
        this.handOff = handOff;
        this.metrics = metrics;
        this.replies = replies;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, PostedEvent posted) {
        WebhookEvent event = posted.event();
        switch (handOff.submit(event)) {
            case QUEUED -> {
                metrics.event(event.type());
                replies.acknowledge(ctx, posted.keepAlive(), Outcome.ACCEPTED, event.eventId());
            }
            case DUPLICATE -> replies.acknowledge(ctx, posted.keepAlive(), Outcome.DUPLICATE, event.eventId());
            case FULL ->
                replies.refuse(
                        ctx,
                        posted.keepAlive(),
                        Outcome.BUSY,
                        "the call tracker is behind; retry after " + Replies.RETRY_AFTER_SECONDS + " s");
        }
    }
}
