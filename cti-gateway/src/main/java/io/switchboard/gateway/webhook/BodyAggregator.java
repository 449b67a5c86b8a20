package io.switchboard.gateway.webhook;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's aggregator with the webhook's body limit, answering an oversized body (declared or sent) with a counted
 * 413 problem and closing the connection, since the rest of that body cannot be told from the next request.
 */
final class BodyAggregator extends HttpObjectAggregator {

    private final Replies replies;

    BodyAggregator(int maxBodyBytes, Replies replies) {
        super(maxBodyBytes, true);
        this.replies = replies;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.writeAndFlush(replies.countedProblem(Outcome.TOO_LARGE, detail())).addListener(ChannelFutureListener.CLOSE);
    }

    /** {@code Expect: 100-continue} with a Content-Length over the limit is refused before the body is sent. */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse refused
                && refused.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
            ReferenceCountUtil.release(refused);
            return replies.countedProblem(Outcome.TOO_LARGE, detail());
        }
        return response;
    }

    private String detail() {
        return "the body is larger than " + maxContentLength() + " bytes";
    }
}
