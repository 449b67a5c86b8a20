package io.switchboard.gateway.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The edge's meters: {@code switchboard.edge.*}, tagged by message type or reason (never by user or call). */
final class EdgeMetrics {

    static final String SESSIONS = "switchboard.edge.sessions";
    static final String POP_LATENCY = "switchboard.edge.pop.latency";
    static final String SENT = "switchboard.edge.messages.sent";
    static final String REPLACED = "switchboard.edge.messages.replaced";
    static final String DROPPED = "switchboard.edge.messages.dropped";
    static final String REPLAYED = "switchboard.edge.messages.replayed";
    static final String RETAINED_EVICTED = "switchboard.edge.retained.evicted";
    static final String DISCONNECTED = "switchboard.edge.sessions.disconnected";
    static final String AUTH_FAILURES = "switchboard.edge.auth.failures";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> sent = new ConcurrentHashMap<>();
    private final Map<String, Counter> replaced = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Counter> replayed = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Map<DisconnectReason, Counter> disconnected = new EnumMap<>(DisconnectReason.class);
    private final Map<AuthFailure, Counter> authFailures = new EnumMap<>(AuthFailure.class);
    private final Counter retainedEvicted;

    EdgeMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (DisconnectReason reason : DisconnectReason.values()) {
            disconnected.put(
                    reason,
                    Counter.builder(DISCONNECTED)
                            .description("CTI edge connections ended, by reason")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
        for (AuthFailure failure : AuthFailure.values()) {
            authFailures.put(
                    failure,
                    Counter.builder(AUTH_FAILURES)
                            .description("CTI edge sessions refused for their token")
                            .tag("reason", failure.tag())
                            .register(registry));
        }
        retainedEvicted = Counter.builder(RETAINED_EVICTED)
                .description("Retained messages dropped because a user had too many")
                .register(registry);
    }

    void sessionGauge(Supplier<Number> openSessions) {
        Gauge.builder(SESSIONS, openSessions)
                .description("Open CTI edge WebSocket sessions")
                .register(registry);
    }

    /**
     * A frame was written to a client; times it from its PBX event when it has one. A replay (a retained pop sent to
     * a desktop that connected later) is counted apart and not timed: its age is the desktop's absence.
     */
    void sent(EdgeMessage message) {
        counter(sent, SENT, "CTI edge messages written to clients", message.type())
                .increment();
        if (message.isReplay()) {
            counter(
                            replayed,
                            REPLAYED,
                            "Retained CTI edge messages sent again to a desktop that connected later",
                            message.type())
                    .increment();
            return;
        }
        Instant origin = message.originOrNull();
        if (origin != null) {
            Duration elapsed = Duration.between(origin, clock.instant());
            latency.computeIfAbsent(
                            message.type(),
                            type -> Timer.builder(POP_LATENCY)
                                    .description(
                                            "From the PBX event being read to the frame being written to a desktop")
                                    .tag("type", type)
                                    .publishPercentiles(0.5, 0.99)
                                    .register(registry))
                    .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
        }
    }

    void replaced(EdgeMessage older) {
        counter(replaced, REPLACED, "Unsent CTI edge messages superseded by a newer one", older.type())
                .increment();
    }

    void dropped(EdgeMessage message) {
        counter(dropped, DROPPED, "CTI edge messages a slow client lost", message.type())
                .increment();
    }

    void retainedEvicted() {
        retainedEvicted.increment();
    }

    void disconnected(DisconnectReason reason) {
        disconnected.get(reason).increment();
    }

    void authFailed(AuthFailure failure) {
        authFailures.get(failure).increment();
    }

    private Counter counter(Map<String, Counter> counters, String name, String description, String type) {
        return counters.computeIfAbsent(
                type,
                t -> Counter.builder(name)
                        .description(description)
                        .tag("type", t)
                        .register(registry));
    }
}
