package io.switchboard.gateway.edge;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Wires a CTI edge connection: idle detection, HTTP, the pre-upgrade checks, the WebSocket protocol, the handshake deadline, then the
 * edge's own handlers (heartbeat, token, session, client messages, errors).
 */
final class EdgeChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** A handshake is a GET without a body; its headers are bounded by the HTTP codec. */
    private static final int MAX_HANDSHAKE_BODY = 1024;
    /** How long a close frame may wait for a client that does not read before the socket is closed anyway. */
    static final long FORCE_CLOSE_MILLIS = 1_000;

    private final Duration handshakeTimeout;
    private final long pingIntervalMillis;
    private final int maxFrameBytes;
    private final WebSocketServerProtocolConfig webSocketConfig;
    private final HandshakeGuard guard;
    private final HeartbeatHandler heartbeat;
    private final TokenAuthenticator authenticator;
    private final SessionHandler sessionHandler;
    private final ClientMessageHandler clientMessages;
    private final EdgeErrorHandler errors;

    EdgeChannelInitializer(
            EdgeProperties properties,
            HandshakeGuard guard,
            HeartbeatHandler heartbeat,
            TokenAuthenticator authenticator,
            SessionHandler sessionHandler,
            ClientMessageHandler clientMessages,
            EdgeErrorHandler errors) {
        this.handshakeTimeout = properties.handshakeTimeout();
        this.pingIntervalMillis = properties.pingInterval().toMillis();
        this.maxFrameBytes = properties.maxFrameBytes();
        this.webSocketConfig = webSocketConfig(properties);
        this.guard = guard;
        this.heartbeat = heartbeat;
        this.authenticator = authenticator;
        this.sessionHandler = sessionHandler;
        this.clientMessages = clientMessages;
        this.errors = errors;
    }

    static WebSocketServerProtocolConfig webSocketConfig(EdgeProperties properties) {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(properties.path())
                // the guard has matched the exact path; this lets the query string (?token=) through
                .checkStartsWith(true)
                .subprotocols(TokenAuthenticator.PROTOCOL)
                .maxFramePayloadLength(properties.maxFrameBytes())
                .handshakeTimeoutMillis(properties.handshakeTimeout().toMillis())
                .forceCloseTimeoutMillis(FORCE_CLOSE_MILLIS)
                // the edge sends its own close frames, with its own codes and reasons
                .sendCloseFrame(null)
                .build();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(EdgeHandlerNames.IDLE, new IdleStateHandler(pingIntervalMillis, 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast(EdgeHandlerNames.HTTP_CODEC, new HttpServerCodec());
        pipeline.addLast(EdgeHandlerNames.HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HANDSHAKE_BODY));
        pipeline.addLast(EdgeHandlerNames.HANDSHAKE_GUARD, guard);
        pipeline.addLast(EdgeHandlerNames.WEBSOCKET, new WebSocketServerProtocolHandler(webSocketConfig));
        pipeline.addLast(EdgeHandlerNames.FRAME_AGGREGATOR, new WebSocketFrameAggregator(maxFrameBytes));
        // after the WebSocket handler, whose HandshakeComplete event it waits for
        pipeline.addLast(EdgeHandlerNames.HANDSHAKE_DEADLINE, new HandshakeDeadline(handshakeTimeout));
        pipeline.addLast(EdgeHandlerNames.HEARTBEAT, heartbeat);
        pipeline.addLast(EdgeHandlerNames.AUTHENTICATOR, authenticator);
        pipeline.addLast(EdgeHandlerNames.SESSION, sessionHandler);
        pipeline.addLast(EdgeHandlerNames.CLIENT_MESSAGES, clientMessages);
        pipeline.addLast(EdgeHandlerNames.ERRORS, errors);
    }
}
