package io.switchboard.simulator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.switchboard.simulator.codec.AmiMessage;
import io.switchboard.simulator.codec.MalformedFrame;
import io.switchboard.simulator.codec.MalformedReason;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a rejected frame with an error when its ActionID is known, counts it in
 * {@code switchboard.simulator.frames.malformed{reason}}, logs the first one of a session and keeps the session.
 */
@Sharable
final class MalformedFrameHandler extends SimpleChannelInboundHandler<MalformedFrame> {

    static final String METRIC = "switchboard.simulator.frames.malformed";

    private static final Logger log = LoggerFactory.getLogger(MalformedFrameHandler.class);

    private final Map<MalformedReason, Counter> counters = new EnumMap<>(MalformedReason.class);

    MalformedFrameHandler(MeterRegistry registry) {
        for (MalformedReason reason : MalformedReason.values()) {
            counters.put(
                    reason,
                    Counter.builder(METRIC)
                            .description("Inbound manager frames the simulator rejected")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MalformedFrame frame) {
        counters.get(frame.reason()).increment();
        if (SessionState.of(ctx.channel()).firstMalformedFrame()) {
            log.warn(
                    "Manager client {} sent a malformed frame ({}); replying with errors and going on",
                    ctx.channel().remoteAddress(),
                    frame.reason().tag());
        }
        frame.actionId()
                .ifPresent(id -> ctx.writeAndFlush(AmiMessage.builder()
                        .add("Response", "Error")
                        .add("ActionID", id)
                        .add("Message", "Malformed message: " + frame.reason().description())
                        .build()));
    }
}
