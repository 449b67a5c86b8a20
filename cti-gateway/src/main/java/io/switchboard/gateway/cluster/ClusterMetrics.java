package io.switchboard.gateway.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bus's metrics, the same for every transport, tagged by {@code topic} (a handful of code constants):
 * {@code switchboard.cluster.messages.published}, {@code .received}, {@code .dropped} (lost: the transport was down,
 * the outgoing queue full, or the message unreadable) and {@code switchboard.cluster.lag} (publish to receive, p50
 * and p99; across nodes it includes their clocks' difference).
 */
public final class ClusterMetrics {

    private static final String PREFIX = "switchboard.cluster.";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Timer> lag = new ConcurrentHashMap<>();

    public ClusterMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public void published(String topic) {
        counter(published, "messages.published", "Messages this node published to the other nodes", topic)
                .increment();
    }

    /** Counts a message received from another node and times its way from the publisher. */
    public void received(ClusterMessage message) {
        counter(received, "messages.received", "Messages received from other nodes", message.topic())
                .increment();
        Duration age = Duration.between(message.sentAt(), clock.instant());
        lag.computeIfAbsent(
                        message.topic(),
                        topic -> Timer.builder(PREFIX + "lag")
                                .description(
                                        "From a message being published on one node to it being received on another")
                                .tag("topic", topic)
                                .publishPercentiles(0.5, 0.99)
                                .register(registry))
                .record(age.isNegative() ? Duration.ZERO : age);
    }

    /**
     * Messages another node published that this node never got ({@code switchboard.cluster.messages.missed}): seen
     * as a gap in that node's sequence numbers, whatever their topic (lost while this node was not listening, or
     * dropped by the publisher, which counts them as dropped too).
     */
    public void missed(long count) {
        Counter.builder(PREFIX + "messages.missed")
                .description("Messages of other nodes this node never received (gaps in their sequence numbers)")
                .register(registry)
                .increment(count);
    }

    public void dropped(String topic) {
        counter(dropped, "messages.dropped", "Messages lost: transport down, queue full, or unreadable", topic)
                .increment();
    }

    public Instant now() {
        return clock.instant();
    }

    private Counter counter(Map<String, Counter> counters, String name, String description, String topic) {
        return counters.computeIfAbsent(
                topic,
                t -> Counter.builder(PREFIX + name)
                        .description(description)
                        .tag("topic", t)
                        .register(registry));
    }
}
