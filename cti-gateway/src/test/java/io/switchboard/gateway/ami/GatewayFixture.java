package io.switchboard.gateway.ami;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.RecordingSink;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.SimulatorSettings;
import java.time.Duration;

/** A simulator on a loopback port and the AMI gateway connected to it, recording every call event. */
final class GatewayFixture implements AutoCloseable {

    final AmiSimulator simulator;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RecordingSink sink = new RecordingSink();
    final AmiProperties properties;
    final AmiGateway gateway;

    private GatewayFixture(SimulatorSettings settings, String secret) {
        simulator = new AmiSimulator(settings);
        int port = simulator.start();
        properties = AmiProperties.forLocal(port, settings.username(), secret);
        gateway = new AmiGateway(properties, CallTrackerSettings.defaults(), sink, registry).start();
    }

    static GatewayFixture start(SimulatorSettings settings) {
        GatewayFixture fixture = new GatewayFixture(settings, settings.secret());
        fixture.awaitResyncs(1);
        return fixture;
    }

    static GatewayFixture startWithSecret(SimulatorSettings settings, String secret) {
        return new GatewayFixture(settings, secret);
    }

    /** Waits until the tracker has reconciled {@code count} listings: the link is up and the stream is in sync. */
    void awaitResyncs(int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> counter("switchboard.calls.resyncs") >= count);
    }

    double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        gateway.close();
        simulator.close();
    }
}
