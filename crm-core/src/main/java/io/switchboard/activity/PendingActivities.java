package io.switchboard.activity;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ended calls waiting to be written. Bounded, so that a database outage longer than the buffer costs counted,
 * logged calls rather than the server's memory; while the database is merely slow or restarting, nothing is lost.
 */
final class PendingActivities {

    private static final Logger log = LoggerFactory.getLogger(PendingActivities.class);
    private static final long REFUSAL_LOG_INTERVAL_MS = 10_000;

    private final BlockingQueue<CallEnded> queue;
    private final ActivityMetrics metrics;
    private long lastRefusalLog;

    PendingActivities(int capacity, ActivityMetrics metrics) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.metrics = metrics;
        metrics.pendingGauge(this);
    }

    boolean offer(CallEnded call) {
        if (queue.offer(call)) {
            return true;
        }
        metrics.refused();
        long now = System.currentTimeMillis();
        if (now - lastRefusalLog > REFUSAL_LOG_INTERVAL_MS) {
            lastRefusalLog = now;
            log.error(
                    "Activity buffer full ({} calls waiting for the database): the activity of call {} is lost",
                    queue.size(),
                    call.callId());
        }
        return false;
    }

    /** Waits up to {@code timeoutMs} for a first call, then takes what else is there, up to {@code max} in all. */
    void drainTo(Collection<CallEnded> batch, int max, long timeoutMs) throws InterruptedException {
        CallEnded first = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            queue.drainTo(batch, max - 1);
        }
    }

    int size() {
        return queue.size();
    }
}
