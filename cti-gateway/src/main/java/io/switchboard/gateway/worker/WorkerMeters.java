package io.switchboard.gateway.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * A worker's counts and their meters, {@code <prefix>.depth|dropped|delivered|failures}. The counts are kept here
 * too, so that {@link BoundedWorker#dropped()} and the others answer whatever the registry (one that keeps nothing,
 * say).
 */
final class WorkerMeters {

    /** Offering threads drop, maybe several at once. */
    private final LongAdder dropped = new LongAdder();
    /** Written by the worker's thread only. */
    private volatile long delivered;

    private volatile long failures;
    private final Counter droppedCounter;
    private final Counter deliveredCounter;
    private final Counter failuresCounter;

    WorkerMeters(String worker, Collection<?> queue, MeterRegistry registry, String prefix, Tags tags) {
        Gauge.builder(prefix + ".depth", queue, Collection::size)
                .description("Items waiting for " + worker)
                .tags(tags)
                .register(registry);
        this.droppedCounter = counter(registry, prefix + ".dropped", tags, worker + " dropped: its queue was full");
        this.deliveredCounter = counter(registry, prefix + ".delivered", tags, worker + " handed to its handler");
        this.failuresCounter = counter(registry, prefix + ".failures", tags, worker + "'s handler threw on (logged)");
    }

    private static Counter counter(MeterRegistry registry, String metric, Tags tags, String what) {
        return Counter.builder(metric).description("Items " + what).tags(tags).register(registry);
    }

    void dropped() {
        dropped.increment();
        droppedCounter.increment();
    }

    void delivered(int items) {
        delivered += items;
        deliveredCounter.increment(items);
    }

    void failed() {
        failures++;
        failuresCounter.increment();
    }

    long droppedSoFar() {
        return dropped.sum();
    }

    long deliveredSoFar() {
        return delivered;
    }

    long failuresSoFar() {
        return failures;
    }
}
