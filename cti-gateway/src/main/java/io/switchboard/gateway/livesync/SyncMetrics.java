package io.switchboard.gateway.livesync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The live state sync's metrics: {@code switchboard.cluster.sync.snapshots} (tag {@code direction}: {@code sent} by
 * this node as an owner, {@code merged} here), {@code .corrections} (states a snapshot changed) and {@code .time} (from asking the owners to having
 * every link's snapshot merged).
 */
final class SyncMetrics {

    private final Counter sent;
    private final Counter merged;
    private final Counter corrections;
    private final Timer time;

    SyncMetrics(MeterRegistry registry) {
        this.sent = snapshots(registry, "sent");
        this.merged = snapshots(registry, "merged");
        this.corrections = Counter.builder("switchboard.cluster.sync.corrections")
                .description("Agent and queue states a link owner's snapshot changed on this node")
                .register(registry);
        this.time = Timer.builder("switchboard.cluster.sync.time")
                .description("From asking the link owners for their snapshots to having every one merged")
                .register(registry);
    }

    private static Counter snapshots(MeterRegistry registry, String direction) {
        return Counter.builder("switchboard.cluster.sync.snapshots")
                .description("Snapshots of a PBX link's agents and queues sent by its owner or merged here")
                .tag("direction", direction)
                .register(registry);
    }

    void sent() {
        sent.increment();
    }

    void merged(int changes) {
        merged.increment();
        corrections.increment(changes);
    }

    void synced(Duration sinceAsked) {
        time.record(sinceAsked);
    }
}
