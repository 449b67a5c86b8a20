package io.switchboard.gateway.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

    private final WorkerMeters meters;
    private final AtomicLong lastDropLog = new AtomicLong();
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    BoundedWorker(WorkerBuilder<T> builder) {
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
        this.meters = new WorkerMeters(name, queue, builder.registry, builder.metricPrefix, builder.tags);
    }

    /** A worker whose thread is called {@code name} (and which logs under that name). */
    public static <T> WorkerBuilder<T> named(String name) {
        return new WorkerBuilder<>(name);
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
        meters.dropped();
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
                            meters.droppedSoFar(),
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
        return meters.droppedSoFar();
    }

    /** Items handed to the handler since start (those it threw on included). */
    public long delivered() {
        return meters.deliveredSoFar();
    }

    /** Handler calls that threw since start. */
    public long failures() {
        return meters.failuresSoFar();
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
        // once per batch: a volatile write or a counter's increment per item would cost the hot path (AMI)
        meters.delivered(batch.size());
    }

    private void handleAll(List<T> batch) {
        try {
            batchHandler.accept(batch);
        } catch (RuntimeException e) {
            failed(e, "a batch of " + batch.size());
        }
        meters.delivered(batch.size());
    }

    private void failed(RuntimeException e, String what) {
        meters.failed();
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
}
