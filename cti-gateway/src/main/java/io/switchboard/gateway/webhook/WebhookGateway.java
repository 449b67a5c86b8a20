package io.switchboard.gateway.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.CallEventSink;
import io.switchboard.gateway.call.CallTracker;
import io.switchboard.gateway.call.CallTrackerSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;

/**
 * The webhook side of the gateway, assembled: the Netty HTTP server at {@code POST /pbx/events}, the bounded hand-off
 * with its memory of recent event ids, and a call tracker of its own on its own thread, publishing to the same sink
 * (the application's call event bus) as the Asterisk adapter.
 */
public final class WebhookGateway implements AutoCloseable {

    private final WebhookHandOff handOff;
    private final CallTracker tracker;
    private final WebhookServer server;

    public WebhookGateway(
            WebhookProperties properties, CallTrackerSettings settings, CallEventSink sink, MeterRegistry registry) {
        this(properties, settings, sink, registry, Clock.systemUTC());
    }

    WebhookGateway(
            WebhookProperties properties,
            CallTrackerSettings settings,
            CallEventSink sink,
            MeterRegistry registry,
            Clock clock) {
        if (!properties.enabled()) {
            throw new IllegalArgumentException("switchboard.webhook.enabled is false");
        }
        String pbx = properties.pbxName();
        this.tracker = new CallTracker(settings, sink, registry, "webhook");
        this.handOff = new WebhookHandOff(
                properties.queueCapacity(),
                new RecentEventIds(properties.dedupCapacity(), properties.dedupWindow()),
                clock,
                registry,
                pbx,
                new WebhookTrackerFeed(tracker)::apply);
        this.server = new WebhookServer(
                properties.host(),
                properties.port(),
                new WebhookChannelInitializer(properties, handOff, new WebhookMetrics(registry, pbx), clock));
    }

    /** Starts the tracker thread, then listens. */
    public WebhookGateway start() {
        handOff.start();
        server.start();
        return this;
    }

    /** Where the webhook listens; empty when it does not. */
    public Optional<InetSocketAddress> address() {
        return server.address();
    }

    /** Calls being followed now. */
    public int activeCalls() {
        return tracker.activeCalls();
    }

    /** Events waiting for the call tracker. */
    public int queuedEvents() {
        return handOff.depth();
    }

    /** Events the tracker has applied since start. */
    public long processedEvents() {
        return handOff.processed();
    }

    /** Stops listening, then lets the tracker apply the events already accepted. */
    @Override
    public void close() {
        server.close();
        handOff.close();
    }
}
