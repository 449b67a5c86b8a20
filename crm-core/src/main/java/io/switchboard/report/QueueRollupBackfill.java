package io.switchboard.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the first start after the rollup's migration, rolls up the activities that were already there, on a thread of
 * its own so the server starts at once; until it has finished the interval reports count the activities themselves
 * (slower, the same figures). Calls that end meanwhile keep their quarter hours right through the normal path. Two
 * nodes starting together both backfill, which costs time but not correctness (each quarter hour is recounted under
 * its lock).
 */
final class QueueRollupBackfill implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueueRollupBackfill.class);

    private final QueueRollup rollup;
    private Thread thread;

    QueueRollupBackfill(QueueRollup rollup) {
        this.rollup = rollup;
    }

    void start() {
        if (rollup.ready()) {
            return;
        }
        thread = new Thread(this::backfill, "queue-rollup-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    private void backfill() {
        try {
            log.info("Rolling up the existing activities for the interval reports");
            QueueRollup.Rebuilt done = rollup.rebuildAll();
            rollup.markReady();
            log.info("Rolled up {} calls ({} to {}) in {} ms", done.calls(), done.from(), done.to(), done.millis());
        } catch (RuntimeException e) {
            // the reports keep counting the activities; the next start (or an admin's rebuild) tries again
            log.error("Rolling up the existing activities failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
