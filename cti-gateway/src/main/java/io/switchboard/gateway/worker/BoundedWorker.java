package io.switchboard.gateway.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A bounded queue and the one thread that works it off: the hand-off between a thread that must never wait (the
 * AMI reader, the call tracker, an HTTP thread) and work that may be slow (folding calls, writing to a database).
 *
 * <p>{@link #offer} never blocks: an item that does not fit is dropped by the {@link Overflow} policy, counted and
 * logged (at most once per log interval). The thread takes what waits in batches of up to {@code maxBatch} and hands
 * them, in order, to the handler: item by item (a handler that throws is counted and logged, and the next item is
 * handled) or as a whole batch (for writes that are cheaper together). {@link #close} stops taking new items, lets
 * the thread handle those already queued, and waits for it up to the close timeout.
 *
 * <p>Metrics, named {@code <prefix>.depth|dropped|delivered|failures} with the worker's tags: items waiting, items
 * dropped by the overflow policy, items handed to the handler, handler calls that threw.
 */
public final class BoundedWorker<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BoundedWorker.class);
    /** How long the idle thread waits for an item before it looks again whether it was closed. */
    private static final long POLL_MILLIS = 100;

    private final String name;
    private final BlockingQueue<T> queue;
    private final int capacity;
    private final Overflow overflow;
    private final int maxBatch;
    private final Consumer<List<T>> batchHandler;
    private final Consumer<T> itemHandler;
    private final Function<? super T, String> describe;
    private final String whenFull;
    private final Level dropLogLevel;
    private final long dropLogIntervalMillis;
    private final Duration closeTimeout;
    private final Thread thread;
    private final Consumer<? super T> whenDropped;

    private final LongAdder dropped = new LongAdder();
    /** The metrics' counters; null without a registry. Counted beside the worker's own fields, read by tests. */
    private final Counter droppedCounter;

    private final Counter deliveredCounter;
    private final Counter failuresCounter;
    private final AtomicLong lastDropLog = new AtomicLong(Long.MIN_VALUE);
    private volatile long delivered;
    private volatile long failures;
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    private BoundedWorker(Builder<T> builder) {
        this.name = builder.name;
        this.capacity = builder.capacity;
        this.queue = new ArrayBlockingQueue<>(builder.capacity);
        this.overflow = builder.overflow;
        this.maxBatch = builder.maxBatch;
        this.batchHandler = builder.batchHandler;
        this.itemHandler = builder.itemHandler;
        this.describe = builder.describe;
        this.whenFull = builder.whenFull;
        this.dropLogLevel = builder.dropLogLevel;
        this.dropLogIntervalMillis = builder.dropLogInterval.toMillis();
        this.closeTimeout = builder.closeTimeout;
        this.thread = new Thread(this::run, builder.name);
        this.thread.setDaemon(true);
        this.whenDropped = builder.whenDropped;
        MeterRegistry registry = builder.registry;
        if (registry != null) {
            String prefix = builder.metricPrefix;
            Gauge.builder(prefix + ".depth", queue, BlockingQueue::size)
                    .description("Items waiting for " + name)
                    .tags(builder.tags)
                    .register(registry);
            droppedCounter = counter(registry, prefix + ".dropped", builder.tags, "dropped because its queue was full");
            deliveredCounter = counter(registry, prefix + ".delivered", builder.tags, "handed to its handler");
            failuresCounter = counter(registry, prefix + ".failures", builder.tags, "its handler threw on (logged)");
        } else {
            droppedCounter = null;
            deliveredCounter = null;
            failuresCounter = null;
        }
    }

    private Counter counter(MeterRegistry registry, String metric, Tags tags, String what) {
        return Counter.builder(metric)
                .description("Items " + name + " " + what)
                .tags(tags)
                .register(registry);
    }

    /** A worker whose thread is called {@code name} (and which logs under that name). */
    public static <T> Builder<T> named(String name) {
        return new Builder<>(name);
    }

    /** Starts the thread; items offered before wait in the queue. */
    public BoundedWorker<T> start() {
        thread.start();
        return this;
    }

    /**
     * Queues an item for the thread; never waits.
     *
     * @return false when the item was dropped (the queue was full and the policy is {@link Overflow#DROP_NEWEST}, or
     *     the worker is closed)
     */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        if (!accepting) {
            return false;
        }
        if (queue.offer(item)) {
            return true;
        }
        if (overflow == Overflow.DROP_NEWEST) {
            droppedWhenFull(item);
            return false;
        }
        // DROP_OLDEST: make room; another offering thread may take it first, so try until this one is in
        do {
            T oldest = queue.poll();
            if (oldest != null) {
                droppedWhenFull(oldest);
            }
        } while (!queue.offer(item));
        return true;
    }

    private void droppedWhenFull(T item) {
        dropped.increment();
        if (droppedCounter != null) {
            droppedCounter.increment();
        }
        whenDropped.accept(item);
        long now = System.currentTimeMillis();
        long last = lastDropLog.get();
        if (now - last >= dropLogIntervalMillis && lastDropLog.compareAndSet(last, now)) {
            log.atLevel(dropLogLevel)
                    .log(
                            "{}: its queue of {} is full, dropped {} ({} dropped so far).{}",
                            name,
                            capacity,
                            describe.apply(item),
                            dropped.sum(),
                            whenFull);
        }
    }

    public String name() {
        return name;
    }

    /** Items waiting. */
    public int depth() {
        return queue.size();
    }

    /** Items dropped by the overflow policy since start. */
    public long dropped() {
        return dropped.sum();
    }

    /** Items handed to the handler since start (those it threw on included). */
    public long delivered() {
        return delivered;
    }

    /** Handler calls that threw since start. */
    public long failures() {
        return failures;
    }

    private void run() {
        List<T> batch = new ArrayList<>(Math.min(maxBatch, capacity));
        while (running || !queue.isEmpty()) {
            try {
                T first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (itemHandler != null) {
                handleEach(batch);
            } else {
                handleAll(batch);
            }
            batch.clear();
        }
    }

    private void handleEach(List<T> batch) {
        for (T item : batch) {
            try {
                itemHandler.accept(item);
            } catch (RuntimeException e) {
                failed(e, describe.apply(item));
            }
        }
        delivered(batch.size());
    }

    // once per batch: a volatile write or a counter's increment per item would cost the hot path (the AMI hand-off)
    private void delivered(int items) {
        delivered += items;
        if (deliveredCounter != null) {
            deliveredCounter.increment(items);
        }
    }

    private void handleAll(List<T> batch) {
        try {
            batchHandler.accept(batch);
        } catch (RuntimeException e) {
            failed(e, "a batch of " + batch.size());
        }
        delivered(batch.size());
    }

    private void failed(RuntimeException e, String what) {
        failures++;
        if (failuresCounter != null) {
            failuresCounter.increment();
        }
        // one item the handler cannot take must not stop every item after it
        log.error("{} failed on {}; it goes on with the next", name, what, e);
    }

    /** Takes no more items, lets the thread handle those queued, and waits for it up to the close timeout. */
    @Override
    public void close() {
        accepting = false;
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            return;
        }
        try {
            thread.join(closeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How a worker is made: its name, bound, policy, handler and metrics. */
    public static final class Builder<T> {

        private final String name;
        private int capacity = 10_000;
        private Overflow overflow = Overflow.DROP_NEWEST;
        private int maxBatch = 256;
        private Consumer<List<T>> batchHandler;
        private Consumer<T> itemHandler;
        private Function<? super T, String> describe = item -> item.getClass().getSimpleName();
        private String whenFull = "";
        private Duration dropLogInterval = Duration.ofSeconds(1);
        private Level dropLogLevel = Level.ERROR;
        private Duration closeTimeout = Duration.ofSeconds(5);
        private MeterRegistry registry;
        private String metricPrefix;
        private Tags tags = Tags.empty();
        private Consumer<? super T> whenDropped = item -> {};

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** At most this many items wait; default 10,000. */
        public Builder<T> capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("a worker's capacity must be at least 1, not " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** What a full queue does with one more item; default {@link Overflow#DROP_NEWEST}. */
        public Builder<T> overflow(Overflow overflow) {
            this.overflow = Objects.requireNonNull(overflow, "overflow");
            return this;
        }

        /** The most items the thread takes off the queue at once; default 256. */
        public Builder<T> maxBatch(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("a worker's batch must hold at least 1 item, not " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /** How a dropped or failed item is named in the log; default its class's simple name. */
        public Builder<T> describedBy(Function<? super T, String> describe) {
            this.describe = Objects.requireNonNull(describe, "describe");
            return this;
        }

        /** A sentence the log adds when the queue is full: what it means, what follows. */
        public Builder<T> whenFull(String sentence) {
            this.whenFull = " " + sentence;
            return this;
        }

        /** At most one log line about dropped items per interval; default one second. */
        public Builder<T> dropLogInterval(Duration interval) {
            this.dropLogInterval = interval;
            return this;
        }

        /** Also told of each dropped item, on the offering thread: to count it under a name of the owner's too. */
        public Builder<T> whenDropped(Consumer<? super T> listener) {
            this.whenDropped = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The level of the log line about dropped items; default ERROR (something is lost). */
        public Builder<T> dropLogLevel(Level level) {
            this.dropLogLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /** How long {@link #close} waits for the queued items to be handled; default five seconds. */
        public Builder<T> closeTimeout(Duration timeout) {
            this.closeTimeout = timeout;
            return this;
        }

        /** Registers {@code <prefix>.depth|dropped|delivered|failures}, tagged. */
        public Builder<T> metrics(MeterRegistry registry, String prefix, Tags tags) {
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
}
