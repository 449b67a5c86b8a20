package io.switchboard.simulator;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.switchboard.simulator.codec.AmiFrameDecoder;
import io.switchboard.simulator.codec.AmiMessageEncoder;

/** Wires a manager session: bounded frame decoder, encoder, session lifecycle, bad-frame replies, actions. */
final class SimulatorChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final SessionLifecycleHandler lifecycle;
    private final MalformedFrameHandler malformedFrames;
    private final ActionDispatcher actions;

    SimulatorChannelInitializer(
            SessionLifecycleHandler lifecycle, MalformedFrameHandler malformedFrames, ActionDispatcher actions) {
        this.lifecycle = lifecycle;
        this.malformedFrames = malformedFrames;
        this.actions = actions;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(PipelineNames.FRAME_DECODER, new AmiFrameDecoder());
        pipeline.addLast(PipelineNames.MESSAGE_ENCODER, AmiMessageEncoder.INSTANCE);
        pipeline.addLast(PipelineNames.SESSION_LIFECYCLE, lifecycle);
        pipeline.addLast(PipelineNames.MALFORMED_FRAMES, malformedFrames);
        pipeline.addLast(PipelineNames.ACTIONS, actions);
    }
}
