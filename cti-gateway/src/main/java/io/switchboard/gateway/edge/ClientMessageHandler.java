package io.switchboard.gateway.edge;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a client may say: {@code {"type":"ping"}}, answered with {@code {"type":"pong"}}. Anything else gets an
 * {@code error} message and the session goes on; binary frames close it (1003). Replies go through the session's
 * bounded buffer like every other message, coalesced, so a client that floods without reading stays bounded.
 */
@Sharable
final class ClientMessageHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    static final EdgeMessage PONG = EdgeMessage.replaceable(EdgeMessage.PONG, "pong", null);

    private static final int MAX_ECHOED_TYPE = 40;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        EdgeSession session = EdgeSession.of(ctx.channel());
        if (session == null) {
            return; // refused and being closed
        }
        if (frame instanceof TextWebSocketFrame text) {
            session.deliver(reply(text.text()));
        } else if (frame instanceof BinaryWebSocketFrame) {
            session.close(DisconnectReason.PROTOCOL, EdgeClose.UNSUPPORTED_DATA, "binary frames are not supported");
        }
    }

    static EdgeMessage reply(String text) {
        JsonNode message;
        try {
            message = EdgeJson.parse(text);
        } catch (JacksonException e) {
            return error("malformed", "not JSON");
        }
        if (!message.isObject() || !message.path("type").isString()) {
            return error("malformed", "a message is a JSON object with a string \"type\"");
        }
        String type = message.path("type").stringValue();
        if ("ping".equals(type)) {
            return PONG;
        }
        String shown = type.length() > MAX_ECHOED_TYPE ? type.substring(0, MAX_ECHOED_TYPE) + "..." : type;
        return error("unknown-type", "unknown message type: " + shown);
    }

    private static EdgeMessage error(String code, String message) {
        return EdgeMessage.replaceable(EdgeMessage.ERROR, "error", Map.of("code", code, "message", message));
    }
}
