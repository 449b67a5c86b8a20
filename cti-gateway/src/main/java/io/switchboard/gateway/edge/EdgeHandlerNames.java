package io.switchboard.gateway.edge;

/** Names of the handlers in a CTI edge connection's pipeline, in pipeline order. */
final class EdgeHandlerNames {

    static final String IDLE = "edge-idle";
    static final String HTTP_CODEC = "edge-http-codec";
    static final String HTTP_AGGREGATOR = "edge-http-aggregator";
    static final String HANDSHAKE_GUARD = "edge-handshake-guard";
    static final String WEBSOCKET = "edge-websocket";
    static final String FRAME_AGGREGATOR = "edge-frame-aggregator";
    static final String HANDSHAKE_DEADLINE = "edge-handshake-deadline";
    static final String HEARTBEAT = "edge-heartbeat";
    static final String AUTHENTICATOR = "edge-authenticator";
    static final String SESSION = "edge-session";
    static final String CLIENT_MESSAGES = "edge-client-messages";
    static final String ERRORS = "edge-errors";

    private EdgeHandlerNames() {}
}
