package io.switchboard.gateway.webhook;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Wires a webhook connection: idle timeout, request deadline, HTTP codec, bounded body, then route, signature, event, intake. Each
 * step answers what it refuses and passes the rest on; the stateless steps are shared by all connections.
 */
final class WebhookChannelInitializer extends ChannelInitializer<Channel> {

    private final Duration idleTimeout;
    private final Duration requestTimeout;
    private final int maxBodyBytes;
    private final Replies replies;
    private final RequestRouter router;
    private final SignatureVerifier signature;
    private final EventDecoder decoder;
    private final IntakeHandler intake;
    private final ConnectionErrors errors = new ConnectionErrors();

    WebhookChannelInitializer(
            WebhookProperties properties, WebhookHandOff handOff, WebhookMetrics metrics, Clock clock) {
        this.idleTimeout = properties.idleTimeout();
        this.requestTimeout = properties.requestTimeout();
        this.maxBodyBytes = properties.maxBodyBytes();
        this.replies = new Replies(metrics);
        this.router = new RequestRouter(replies);
        this.signature = new SignatureVerifier(
                new WebhookSignature(properties.secret()), properties.signatureTolerance(), clock, replies);
        this.decoder = new EventDecoder(
                new WebhookEventReader(new WebhookQueues(properties.queues(), properties.maxQueues())), replies);
        this.intake = new IntakeHandler(handOff, metrics, replies);
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(
                PipelineNames.IDLE_TIMEOUT, new ReadTimeoutHandler(idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        RequestDeadline deadline = new RequestDeadline(requestTimeout, replies);
        pipeline.addLast(PipelineNames.REQUEST_START, deadline.firstByte());
        pipeline.addLast(PipelineNames.HTTP_CODEC, new HttpServerCodec());
        pipeline.addLast(PipelineNames.REQUEST_END, deadline.requestEnd());
        pipeline.addLast(PipelineNames.BODY_AGGREGATOR, new BodyAggregator(maxBodyBytes, replies));
        pipeline.addLast(PipelineNames.ROUTER, router);
        pipeline.addLast(PipelineNames.SIGNATURE, signature);
        pipeline.addLast(PipelineNames.EVENT_DECODER, decoder);
        pipeline.addLast(PipelineNames.INTAKE, intake);
        pipeline.addLast(PipelineNames.ERRORS, errors);
    }
}
