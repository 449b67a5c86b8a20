package io.switchboard.gateway.edge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a connection that has not completed its WebSocket handshake within {@code handshake-timeout} of opening,
 * however it spends the time: a client trickling one header line every few seconds never looks idle to the
 * heartbeat, and Netty's own handshake timeout only starts once the whole request has arrived. Counted as
 * {@code switchboard.edge.sessions.disconnected{reason="handshake-timeout"}}. Once the handshake is complete the
 * deadline is cancelled and this handler leaves the pipeline.
 *
 * <p>One instance per connection: it holds that connection's timer.
 */
final class HandshakeDeadline extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(HandshakeDeadline.class);

    private final long timeoutMillis;
    private ScheduledFuture<?> deadline;

    HandshakeDeadline(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            schedule(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        schedule(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof HandshakeComplete) {
            cancel();
            ctx.pipeline().remove(this);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void schedule(ChannelHandlerContext ctx) {
        if (deadline != null) {
            return;
        }
        deadline = ctx.executor()
                .schedule(
                        () -> {
                            if (ctx.channel().isActive()) {
                                log.debug(
                                        "Dropping {}: no WebSocket handshake within {} ms",
                                        ctx.channel().remoteAddress(),
                                        timeoutMillis);
                                DisconnectReason.HANDSHAKE_TIMEOUT.markOn(ctx.channel());
                                ctx.close();
                            }
                        },
                        timeoutMillis,
                        TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
