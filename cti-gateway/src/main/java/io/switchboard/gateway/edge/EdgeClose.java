package io.switchboard.gateway.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

/**
 * The close codes of the edge protocol, and closing a session with one. The 4xxx codes are the edge's own, so a
 * desktop can tell "get a new token" (4401) from "reconnect" (4408, 4429, 1001).
 */
final class EdgeClose {

    /**
     * Missing, invalid, expired, already used or revoked token, or the login ended: fetch a new token before
     * reconnecting (which fails if the user is logged out).
     */
    static final int TOKEN_REJECTED = 4401;
    /** Nothing received (not even a pong) for the idle timeout. */
    static final int IDLE_TIMEOUT = 4408;
    /** The user already has as many sessions open as one user may: close one, then reconnect. */
    static final int TOO_MANY_SESSIONS = 4409;
    /** The client did not read fast enough to keep its essential messages. */
    static final int TOO_SLOW = 4429;

    static final int GOING_AWAY = 1001;
    static final int UNSUPPORTED_DATA = 1003;
    static final int MESSAGE_TOO_BIG = 1009;
    static final int INTERNAL_ERROR = 1011;

    private EdgeClose() {}

    /**
     * Sends a close frame and closes the connection once it is written. If the client does not read, the
     * WebSocket handler's force-close timeout closes it anyway.
     */
    static void close(Channel channel, DisconnectReason reason, int code, String text) {
        reason.markOn(channel);
        if (!channel.isActive()) {
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(code, text)).addListener(ChannelFutureListener.CLOSE);
    }
}
