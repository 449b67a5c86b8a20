package io.switchboard.simulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Greets a new connection with Asterisk 22's banner and keeps the session registry up to date; a connection over
 * the limit of unauthenticated ones is closed before its banner, as Asterisk does.
 */
@Sharable
final class SessionLifecycleHandler extends ChannelInboundHandlerAdapter {

    static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";

    private static final Logger log = LoggerFactory.getLogger(SessionLifecycleHandler.class);

    private final SessionRegistry sessions;
    private final UnauthenticatedSessions unauthenticated;

    SessionLifecycleHandler(SessionRegistry sessions, UnauthenticatedSessions unauthenticated) {
        this.sessions = sessions;
        this.unauthenticated = unauthenticated;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!unauthenticated.admit(ctx.channel())) {
            log.debug(
                    "Refusing manager client {}: too many unauthenticated sessions",
                    ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        sessions.connected(ctx.channel());
        ctx.writeAndFlush(Unpooled.copiedBuffer(BANNER, StandardCharsets.US_ASCII));
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        unauthenticated.disconnected(ctx.channel());
        sessions.disconnected(ctx.channel());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Manager session {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
