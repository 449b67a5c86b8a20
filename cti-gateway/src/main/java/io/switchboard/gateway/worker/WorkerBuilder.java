package io.switchboard.gateway.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.event.Level;

/** How a {@link BoundedWorker} is made: its name, bound, policy, handler and metrics. */
public final class WorkerBuilder<T> {

    final String name;
    int capacity = 10_000;
    Overflow overflow = Overflow.DROP_NEWEST;
    int maxBatch = 256;
    Consumer<List<T>> batchHandler;
    Consumer<T> itemHandler;
    Function<? super T, String> describe = item -> item.getClass().getSimpleName();
    String whenFull = "";
    Duration dropLogInterval = Duration.ofSeconds(1);
    Level dropLogLevel = Level.ERROR;
    Duration closeTimeout = Duration.ofSeconds(5);
    /** Without metrics(...): a registry nobody reads, so the worker's meters cost nothing. */
    MeterRegistry registry = new CompositeMeterRegistry();

    String metricPrefix = "switchboard.worker";
    Tags tags = Tags.empty();
    Consumer<? super T> whenDropped = item -> {};

    WorkerBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** At most this many items wait; default 10,000. */
    public WorkerBuilder<T> capacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a worker's capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        return this;
    }

    /** What a full queue does with one more item; default {@link Overflow#DROP_NEWEST}. */
    public WorkerBuilder<T> overflow(Overflow overflow) {
        this.overflow = Objects.requireNonNull(overflow, "overflow");
        return this;
    }

    /** The most items the thread takes off the queue at once; default 256. */
    public WorkerBuilder<T> maxBatch(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a worker's batch must hold at least 1 item, not " + maxBatch);
        }
        this.maxBatch = maxBatch;
        return this;
    }

    /** How a dropped or failed item is named in the log; default its class's simple name. */
    public WorkerBuilder<T> describedBy(Function<? super T, String> describe) {
        this.describe = Objects.requireNonNull(describe, "describe");
        return this;
    }

    /** A sentence the log adds when the queue is full: what it means, what follows. */
    public WorkerBuilder<T> whenFull(String sentence) {
        this.whenFull = " " + sentence;
        return this;
    }

    /** At most one log line about dropped items per interval; default one second. */
    public WorkerBuilder<T> dropLogInterval(Duration interval) {
        this.dropLogInterval = interval;
        return this;
    }

    /** Also told of each dropped item, on the offering thread: to count it under a name of the owner's too. */
    public WorkerBuilder<T> whenDropped(Consumer<? super T> listener) {
        this.whenDropped = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The level of the log line about dropped items; default ERROR (something is lost). */
    public WorkerBuilder<T> dropLogLevel(Level level) {
        this.dropLogLevel = Objects.requireNonNull(level, "level");
        return this;
    }

    /** How long {@link BoundedWorker#close} waits for the queued items to be handled; default five seconds. */
    public WorkerBuilder<T> closeTimeout(Duration timeout) {
        this.closeTimeout = timeout;
        return this;
    }

    /** Registers {@code <prefix>.depth|dropped|delivered|failures}, tagged. */
    public WorkerBuilder<T> metrics(MeterRegistry registry, String prefix, Tags tags) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.metricPrefix = Objects.requireNonNull(prefix, "prefix");
        this.tags = tags;
        return this;
    }

    /** Builds a worker that hands each item to {@code handler}; start it with {@link BoundedWorker#start}. */
    public BoundedWorker<T> eachTo(Consumer<T> handler) {
        this.itemHandler = Objects.requireNonNull(handler, "handler");
        return new BoundedWorker<>(this);
    }

    /**
     * Builds a worker that hands each batch taken off the queue to {@code handler}: a list it must not keep, of
     * up to {@code maxBatch} items in order. A batch the handler throws on counts as one failure.
     */
    public BoundedWorker<T> batchesTo(Consumer<List<T>> handler) {
        this.batchHandler = Objects.requireNonNull(handler, "handler");
        return new BoundedWorker<>(this);
    }
}
