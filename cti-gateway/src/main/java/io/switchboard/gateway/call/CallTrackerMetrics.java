package io.switchboard.gateway.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/** The tracker's meters: calls started and ended, events it could not use (and why), resync corrections. */
final class CallTrackerMetrics {

    /** Why an event was tolerated rather than folded into a call. */
    enum Skip {
        UNKNOWN_CHANNEL,
        DUPLICATE,
        AFTER_END,
        UNHANDLED_TYPE,
        /** A channel that is not part of any call (a failed originate's {@code failed} extension). */
        NOT_A_CALL
    }

    private final MeterRegistry registry;
    private final Map<Skip, Counter> skipped = new ConcurrentHashMap<>();
    private final Map<String, Counter> ended = new ConcurrentHashMap<>();
    private final Counter started;
    private final Counter pickedUp;
    private final Counter endedByResync;
    private final Counter resyncs;

    CallTrackerMetrics(MeterRegistry registry, String source, IntSupplier activeCalls) {
        this.registry = registry;
        this.started = Counter.builder("switchboard.calls.started").register(registry);
        this.pickedUp = Counter.builder("switchboard.calls.resynced")
                .tag("action", "picked_up")
                .description("Calls found by a resync after a PBX link outage")
                .register(registry);
        this.endedByResync = Counter.builder("switchboard.calls.resynced")
                .tag("action", "ended")
                .description("Calls that ended while the PBX link was down")
                .register(registry);
        this.resyncs = Counter.builder("switchboard.calls.resyncs")
                .description("Channel listings reconciled with the tracked calls (one per PBX (re)connect)")
                .register(registry);
        // tagged: a second tracker (the webhook's beside Asterisk's) registering the same untagged gauge would get the
        // first one back, and its calls would never be counted
        Gauge.builder("switchboard.calls.active", activeCalls::getAsInt)
                .tag("source", source)
                .description("Calls the tracker is following now, per PBX link")
                .register(registry);
    }

    void skipped(Skip reason) {
        skipped.computeIfAbsent(
                        reason,
                        r -> Counter.builder("switchboard.calls.events.skipped")
                                .tag("reason", r.name().toLowerCase())
                                .description("PBX events tolerated without changing a call")
                                .register(registry))
                .increment();
    }

    void started() {
        started.increment();
    }

    void ended(CallDirection direction, CallOutcome outcome) {
        String key = direction.name() + '/' + outcome.name();
        ended.computeIfAbsent(
                        key,
                        k -> Counter.builder("switchboard.calls.ended")
                                .tag("direction", direction.name().toLowerCase())
                                .tag("outcome", outcome.name().toLowerCase())
                                .register(registry))
                .increment();
    }

    void pickedUpByResync() {
        pickedUp.increment();
    }

    void resynced() {
        resyncs.increment();
    }

    void endedByResync() {
        endedByResync.increment();
    }
}
