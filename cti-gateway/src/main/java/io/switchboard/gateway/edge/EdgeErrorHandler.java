package io.switchboard.gateway.edge;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the pipeline: turns what went wrong on a connection into a close with a reason. A message above
 * the size limit closes with 1009; a broken frame was already answered by the WebSocket decoder; a reset
 * connection is the client's business; anything else is logged and closes with 1011.
 */
@Sharable
final class EdgeErrorHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(EdgeErrorHandler.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            EdgeClose.close(ctx.channel(), DisconnectReason.PROTOCOL, EdgeClose.MESSAGE_TOO_BIG, "message too big");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            DisconnectReason.PROTOCOL.markOn(ctx.channel());
            ctx.close();
        } else if (cause instanceof IOException) {
            log.debug("CTI connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        } else {
            log.warn("CTI connection {} failed; closing it", ctx.channel().remoteAddress(), cause);
            EdgeClose.close(ctx.channel(), DisconnectReason.ERROR, EdgeClose.INTERNAL_ERROR, "internal error");
        }
    }
}
