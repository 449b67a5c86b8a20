package io.switchboard.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an HTTP request before it is upgraded to a WebSocket: the path, the method, the upgrade itself and the
 * browser's {@code Origin}. A request that fails gets a plain-text HTTP error and the connection is closed; one
 * that passes goes on to the WebSocket handshake. The token is checked after the upgrade, so that the browser
 * can read why it was refused (a close reason), which it cannot from a failed handshake.
 */
@Sharable
final class HandshakeGuard extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** The 403's text: what the browser's developer tools show, and what to change. */
    static final String ORIGIN_REFUSED =
            "origin not allowed: not this server's host, nor in switchboard.edge.allowed-origins";

    private static final Logger log = LoggerFactory.getLogger(HandshakeGuard.class);
    private static final int LOGGED_HEADER_CHARS = 200;

    private final String path;
    private final OriginPolicy origins;

    HandshakeGuard(String path, OriginPolicy origins) {
        super(false);
        this.path = path;
        this.origins = origins;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            refuse(ctx, request, HttpResponseStatus.BAD_REQUEST, "bad request", DisconnectReason.BAD_REQUEST);
        } else if (!path.equals(new QueryStringDecoder(request.uri()).path())) {
            refuse(ctx, request, HttpResponseStatus.NOT_FOUND, "no such path", DisconnectReason.BAD_REQUEST);
        } else if (!HttpMethod.GET.equals(request.method())) {
            refuse(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only", DisconnectReason.BAD_REQUEST);
        } else if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            refuse(
                    ctx,
                    request,
                    HttpResponseStatus.UPGRADE_REQUIRED,
                    "WebSocket upgrade required",
                    DisconnectReason.BAD_REQUEST);
        } else if (!origins.allows(
                request.headers().get(HttpHeaderNames.ORIGIN), request.headers().get(HttpHeaderNames.HOST))) {
            log.info(
                    "Refused a CTI edge handshake from {}: origin {} is not the host it connected to ({}) nor in"
                            + " switchboard.edge.allowed-origins",
                    ctx.channel().remoteAddress(),
                    printable(request.headers().get(HttpHeaderNames.ORIGIN)),
                    printable(request.headers().get(HttpHeaderNames.HOST)));
            refuse(ctx, request, HttpResponseStatus.FORBIDDEN, ORIGIN_REFUSED, DisconnectReason.ORIGIN);
        } else {
            ctx.fireChannelRead(request);
        }
    }

    /** A header as it may go into a log line: no line breaks or other control characters, and not too long. */
    static String printable(String header) {
        if (header == null) {
            return "(none)";
        }
        String shortened =
                header.length() > LOGGED_HEADER_CHARS ? header.substring(0, LOGGED_HEADER_CHARS) + "…" : header;
        StringBuilder out = new StringBuilder(shortened.length());
        shortened.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static void refuse(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            HttpResponseStatus status,
            String text,
            DisconnectReason reason) {
        request.release();
        reason.markOn(ctx.channel());
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
