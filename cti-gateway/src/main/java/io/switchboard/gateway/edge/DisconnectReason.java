package io.switchboard.gateway.edge;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** Why a connection ended: the tag of {@code switchboard.edge.sessions.disconnected}. */
enum DisconnectReason {
    /** The client closed the connection or it broke; the default when the server did not close it. */
    CLIENT("client"),
    /** No, bad, expired or reused token. */
    AUTH("auth"),
    /** The browser's origin is not allowed. */
    ORIGIN("origin"),
    /** Not a WebSocket handshake on the edge's path. */
    BAD_REQUEST("bad-request"),
    /** Nothing received for the idle timeout. */
    IDLE("idle"),
    /** The WebSocket handshake did not complete within the handshake timeout (a slow or trickling client). */
    HANDSHAKE_TIMEOUT("handshake-timeout"),
    /** The login the session was opened in ended (the user logged out, or the login session expired). */
    LOGGED_OUT("logged-out"),
    /** The user already had as many sessions open as one user may. */
    SESSION_LIMIT("session-limit"),
    /** More essential messages pending than the client's buffer takes. */
    SLOW("slow"),
    /** A frame too large, binary, or violating the WebSocket protocol. */
    PROTOCOL("protocol"),
    /** The edge is stopping. */
    SHUTDOWN("shutdown"),
    /** An unexpected failure on the server side. */
    ERROR("error");

    private static final AttributeKey<DisconnectReason> KEY =
            AttributeKey.valueOf(DisconnectReason.class, "disconnectReason");

    private final String tag;

    DisconnectReason(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    /** Records why the server is closing {@code channel}; the first reason given wins. */
    void markOn(Channel channel) {
        channel.attr(KEY).setIfAbsent(this);
    }

    static DisconnectReason of(Channel channel) {
        DisconnectReason reason = channel.attr(KEY).get();
        return reason == null ? CLIENT : reason;
    }
}
