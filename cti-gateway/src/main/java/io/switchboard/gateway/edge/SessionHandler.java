package io.switchboard.gateway.edge;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a connection's life: drains its session's pending messages when the socket takes writes again, and
 * when the connection ends, removes the session and counts why it ended.
 */
@Sharable
final class SessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    private final EdgeSessions sessions;
    private final EdgeMetrics metrics;

    SessionHandler(EdgeSessions sessions, EdgeMetrics metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        EdgeSession session = EdgeSession.of(ctx.channel());
        if (session != null && ctx.channel().isWritable()) {
            session.drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        DisconnectReason reason = DisconnectReason.of(ctx.channel());
        metrics.disconnected(reason);
        EdgeSession session = EdgeSession.of(ctx.channel());
        if (session != null) {
            sessions.closed(session);
            log.debug("CTI session closed ({}): {}", reason.tag(), session);
        }
        ctx.fireChannelInactive();
    }
}
