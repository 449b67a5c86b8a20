package io.switchboard.gateway.webhook;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the webhook's answers and counts each one ({@code switchboard.webhook.requests{result}}): a small JSON
 * acknowledgement for events, an RFC 9457 {@code application/problem+json} body for everything refused.
 */
final class Replies {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String RETRY_AFTER_SECONDS = "1";

    private final WebhookMetrics metrics;
    private final JsonMapper json = JsonMapper.builder().build();

    Replies(WebhookMetrics metrics) {
        this.metrics = metrics;
    }

    /** {@code {"eventId": ..., "result": "accepted" | "duplicate"}}. */
    void acknowledge(ChannelHandlerContext ctx, boolean keepAlive, Outcome outcome, String eventId) {
        ObjectNode body = json.createObjectNode().put("eventId", eventId).put("result", outcome.tag());
        send(ctx, response(outcome, "application/json", body), outcome, keepAlive);
    }

    void refuse(ChannelHandlerContext ctx, boolean keepAlive, Outcome outcome, String detail) {
        refuse(ctx, keepAlive, outcome, detail, List.of());
    }

    void refuse(ChannelHandlerContext ctx, boolean keepAlive, Outcome outcome, String detail, List<FieldError> errors) {
        send(ctx, problem(outcome, detail, errors), outcome, keepAlive);
    }

    /** Counts a refusal whose response the caller writes itself (the body aggregator's early 413). */
    FullHttpResponse countedProblem(Outcome outcome, String detail) {
        metrics.request(outcome);
        FullHttpResponse response = problem(outcome, detail, List.of());
        HttpUtil.setKeepAlive(response, false);
        return response;
    }

    private FullHttpResponse problem(Outcome outcome, String detail, List<FieldError> errors) {
        ObjectNode body = json.createObjectNode()
                .put("type", "about:blank")
                .put("title", outcome.status().reasonPhrase())
                .put("status", outcome.status().code())
                .put("detail", detail);
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(e -> list.addObject().put("field", e.field()).put("message", e.message()));
        }
        FullHttpResponse response = response(outcome, PROBLEM_JSON, body);
        switch (outcome) {
            case UNAUTHORIZED ->
                response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "HMAC-SHA256 realm=\"switchboard-webhook\"");
            case METHOD_NOT_ALLOWED -> response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.POST.name());
            case BUSY -> response.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
            default -> {}
        }
        return response;
    }

    private FullHttpResponse response(Outcome outcome, String contentType, ObjectNode body) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, outcome.status(), Unpooled.wrappedBuffer(json.writeValueAsBytes(body)));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        return response;
    }

    private void send(ChannelHandlerContext ctx, FullHttpResponse response, Outcome outcome, boolean keepAlive) {
        metrics.request(outcome);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
