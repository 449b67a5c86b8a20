package io.switchboard.gateway.edge;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.ServerHandshakeStateEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import java.time.Duration;

/**
 * Keeps sessions honest. The pipeline's {@code IdleStateHandler} reports every ping interval in which the client
 * sent nothing; the first such intervals are answered with a ping (browsers and most clients answer with a pong,
 * which counts as traffic), and once the client has been silent for the idle timeout the session is closed with
 * 4408 "idle timeout". A connection still silent before its WebSocket session exists is simply closed.
 */
@Sharable
final class HeartbeatHandler extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<Integer> SILENT_INTERVALS =
            AttributeKey.valueOf(HeartbeatHandler.class, "silentIntervals");

    private final int intervalsBeforeClose;

    HeartbeatHandler(Duration pingInterval, Duration idleTimeout) {
        this.intervalsBeforeClose =
                (int) Math.max(2, (idleTimeout.toMillis() + pingInterval.toMillis() - 1) / pingInterval.toMillis());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ServerHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            // the request arrived but the upgrade did not complete in time: Netty closes it, the reason is ours
            DisconnectReason.HANDSHAKE_TIMEOUT.markOn(ctx.channel());
        }
        if (!(event instanceof IdleStateEvent idle) || idle.state() != IdleState.READER_IDLE) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        Integer before = ctx.channel().attr(SILENT_INTERVALS).get();
        int silent = idle.isFirst() || before == null ? 1 : before + 1;
        ctx.channel().attr(SILENT_INTERVALS).set(silent);
        EdgeSession session = EdgeSession.of(ctx.channel());
        if (session == null) {
            DisconnectReason.IDLE.markOn(ctx.channel());
            ctx.close();
        } else if (silent >= intervalsBeforeClose) {
            session.close(DisconnectReason.IDLE, EdgeClose.IDLE_TIMEOUT, "idle timeout");
        } else {
            ctx.channel().writeAndFlush(new PingWebSocketFrame());
        }
    }
}
