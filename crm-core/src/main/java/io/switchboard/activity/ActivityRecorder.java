package io.switchboard.activity;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.worker.BoundedWorker;
import java.time.Duration;
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
 *
 * <p>The buffer is the call event bus's only hop on the way: the recorder takes {@code CallEnded} inline, on the
 * tracker's thread, where {@link #record} just queues it. It is bounded, so that a database outage longer than the
 * buffer costs counted, logged calls rather than the server's memory.
 */
public final class ActivityRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityRecorder.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(50);
    /** On shutdown, how long to keep trying to write what is still waiting. */
    private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(10);

    private final BoundedWorker<CallEnded> writer;
    private final CallParties parties;
    private final ActivityInserts inserts;
    private final ActivityMetrics metrics;
    private final Duration maxRetryDelay;
    private volatile long closeDeadline = Long.MAX_VALUE;
    /** Set on the writer's thread once shutting down gave up on an unreachable database; then nothing is tried. */
    private boolean gaveUp;
    /** Ended calls given up on when shutting down (written on the writer's thread, read by the closing one). */
    private volatile int lost;

    ActivityRecorder(
            CallParties parties,
            ActivityInserts inserts,
            ActivityMetrics metrics,
            ActivityProperties properties,
            MeterRegistry registry) {
        this.parties = parties;
        this.inserts = inserts;
        this.metrics = metrics;
        this.maxRetryDelay = properties.maxRetryDelay();
        this.writer = BoundedWorker.<CallEnded>named("activity-writer")
                .capacity(properties.bufferCapacity())
                .maxBatch(properties.batchSize())
                .describedBy(call -> "the activity of call " + call.callId())
                .whenFull("The database is too slow or unreachable for the calls that end.")
                .dropLogInterval(Duration.ofSeconds(10))
                .whenDropped(call -> metrics.refused())
                .closeTimeout(CLOSE_DEADLINE.plusSeconds(1))
                .metrics(registry, "switchboard.activities.buffer", Tags.empty())
                .batchesTo(this::writeBatch);
        metrics.buffer(writer);
    }

    void start() {
        writer.start();
    }

    /** What the recorder takes from the call event bus: ended calls, {@link #record recorded}. */
    CallEventHandlers handlers() {
        return CallEventHandlers.none().on(CallEnded.class, this::record);
    }

    /**
     * Queues an ended call for writing; returns at once.
     *
     * @return false when the buffer is full and the call's activity is lost (counted and logged)
     */
    public boolean record(CallEnded call) {
        return writer.offer(call);
    }

    /** Ended calls not yet written. */
    public int pending() {
        return writer.depth();
    }

    private void writeBatch(List<CallEnded> batch) {
        if (gaveUp || !writeUntilDone(batch)) {
            gaveUp = true;
            lost += batch.size();
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
                            batch.size() + writer.depth());
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
        writer.close();
        int notWritten = lost + writer.depth();
        if (notWritten > 0) {
            log.error("Shut down with {} ended calls not written: the database stayed unreachable", notWritten);
        }
    }
}
