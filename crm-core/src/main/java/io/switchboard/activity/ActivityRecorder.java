package io.switchboard.activity;

import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionException;

/**
 * Turns every ended call into exactly one activity. Ended calls wait in a bounded buffer and one thread writes them
 * in batches; while the database is unreachable the same batch is retried with growing pauses and the buffer
 * fills, so a restart loses nothing and, since inserts skip existing call ids, writes nothing twice.
 */
public final class ActivityRecorder implements CallEventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityRecorder.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(50);
    /** On shutdown, how long to keep trying to write what is still waiting. */
    private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(10);

    private final PendingActivities pending;
    private final CallParties parties;
    private final ActivityInserts inserts;
    private final ActivityMetrics metrics;
    private final int batchSize;
    private final Duration maxRetryDelay;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long closeDeadline = Long.MAX_VALUE;

    ActivityRecorder(
            PendingActivities pending,
            CallParties parties,
            ActivityInserts inserts,
            ActivityMetrics metrics,
            ActivityProperties properties) {
        this.pending = pending;
        this.parties = parties;
        this.inserts = inserts;
        this.metrics = metrics;
        this.batchSize = properties.batchSize();
        this.maxRetryDelay = properties.maxRetryDelay();
        this.thread = new Thread(this::run, "activity-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public boolean wants(CallEvent event) {
        return event instanceof CallEnded;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallEnded ended) {
            record(ended);
        }
    }

    /**
     * Queues an ended call for writing; returns at once.
     *
     * @return false when the buffer is full and the call's activity is lost (counted and logged)
     */
    public boolean record(CallEnded call) {
        return pending.offer(call);
    }

    /** Ended calls not yet written. */
    public int pending() {
        return pending.size();
    }

    private void run() {
        List<CallEnded> batch = new ArrayList<>(batchSize);
        while (running || pending.size() > 0) {
            try {
                pending.drainTo(batch, batchSize, 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (!batch.isEmpty()) {
                if (!writeUntilDone(batch)) {
                    break;
                }
                batch.clear();
            }
        }
        int lost = batch.size() + pending.size();
        if (lost > 0) {
            log.error("Shut down with {} ended calls not written: the database stayed unreachable", lost);
        }
    }

    /** @return false when shutting down gave up on an unreachable database */
    private boolean writeUntilDone(List<CallEnded> batch) {
        Duration delay = FIRST_RETRY_DELAY;
        int failures = 0;
        while (true) {
            try {
                write(batch);
                if (failures > 0) {
                    log.info(
                            "Database reachable again after {} failed attempts; activities are being written",
                            failures);
                }
                return true;
            } catch (DataIntegrityViolationException e) {
                writeOneByOne(batch);
                return true;
            } catch (DataAccessException | TransactionException e) {
                metrics.writeFailed();
                if (failures++ == 0) {
                    log.warn(
                            "Cannot write activities ({}); {} ended calls wait and are retried",
                            e.getMostSpecificCause().getMessage(),
                            batch.size() + pending.size());
                }
            }
            if (System.nanoTime() > closeDeadline || !pause(delay)) {
                return false;
            }
            delay = delay.multipliedBy(2).compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay.multipliedBy(2);
        }
    }

    private void write(List<CallEnded> batch) {
        long started = System.nanoTime();
        int inserted = inserts.insert(parties.resolve(batch));
        metrics.batchWritten(inserted, batch.size() - inserted, System.nanoTime() - started);
    }

    /**
     * A batch the database refused as data (a contact deleted since it was matched, say): each call on its own, and
     * a call refused again is written without its contact and agent links, or logged and counted if even that fails.
     */
    private void writeOneByOne(List<CallEnded> batch) {
        for (CallEnded call : batch) {
            List<CallEnded> single = List.of(call);
            try {
                write(single);
            } catch (DataIntegrityViolationException first) {
                try {
                    int inserted =
                            inserts.insert(List.of(new CallRecord(call, null, CallRecord.agentOf(call), null, null)));
                    metrics.batchWritten(inserted, 1 - inserted, 0);
                } catch (DataIntegrityViolationException second) {
                    metrics.rejected();
                    log.error("The database refused the activity of call {}: {}", call.callId(), second.getMessage());
                }
            } catch (DataAccessException | TransactionException transientFailure) {
                writeUntilDone(single);
            }
        }
    }

    private boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closeDeadline = System.nanoTime() + CLOSE_DEADLINE.toNanos();
        running = false;
        try {
            thread.join(CLOSE_DEADLINE.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
