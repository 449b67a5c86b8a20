package io.switchboard.gateway.webhook;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the pipeline: closes a connection that failed. Idle timeouts and clients that went away are routine;
 * anything else is a fault in a handler and is logged.
 */
@Sharable
final class ConnectionErrors extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionErrors.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ReadTimeoutException || cause instanceof IOException) {
            log.debug("Webhook connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.warn("Webhook connection {} failed; closing it", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
