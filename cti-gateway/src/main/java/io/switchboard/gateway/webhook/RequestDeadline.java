package io.switchboard.gateway.webhook;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request must arrive whole, headers and body, within {@code request-timeout} of its first byte. The idle timeout
 * alone does not do it: a client that sends one header line every few seconds is never idle, and would hold its
 * connection (and a file descriptor) for as long as it likes. Such a request is answered 408 (counted as
 * {@code switchboard.webhook.requests{result="timeout"}}) and the connection closed.
 *
 * <p>Two handlers share one connection's timer: {@link #firstByte()} before the HTTP codec starts it when bytes of
 * a new request arrive, {@link #requestEnd()} after the codec stops it at the request's last content. Between
 * requests on a kept-alive connection no timer runs; the idle timeout looks after those. One instance per
 * connection.
 */
final class RequestDeadline {

    private static final Logger log = LoggerFactory.getLogger(RequestDeadline.class);

    private final long timeoutMillis;
    private final Replies replies;
    private ScheduledFuture<?> timer;
    private boolean inRequest;

    RequestDeadline(Duration timeout, Replies replies) {
        this.timeoutMillis = timeout.toMillis();
        this.replies = replies;
    }

    /** Before the HTTP codec: raw bytes of a request not yet under way start the clock. */
    ChannelInboundHandlerAdapter firstByte() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (!inRequest && message instanceof ByteBuf bytes && bytes.isReadable()) {
                    inRequest = true;
                    timer = ctx.executor().schedule(() -> expire(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
                }
                ctx.fireChannelRead(message);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        };
    }

    /** After the HTTP codec: the request's last content stops the clock. */
    ChannelInboundHandlerAdapter requestEnd() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (message instanceof LastHttpContent) {
                    stop();
                }
                ctx.fireChannelRead(message);
            }
        };
    }

    private void stop() {
        inRequest = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!inRequest || !ctx.channel().isActive()) {
            return;
        }
        log.debug(
                "Webhook request from {} not complete within {} ms; closing",
                ctx.channel().remoteAddress(),
                timeoutMillis);
        ctx.writeAndFlush(replies.countedProblem(
                        Outcome.TIMEOUT, "the request did not arrive whole within " + timeoutMillis + " ms"))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
