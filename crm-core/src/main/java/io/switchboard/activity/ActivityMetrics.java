package io.switchboard.activity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.gateway.worker.BoundedWorker;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What an operator asks about activity logging: how many were written, waiting, refused or failed. */
final class ActivityMetrics {

    private final MeterRegistry registry;
    private final Counter written;
    private final Counter duplicates;
    private final Counter refused;
    private final Counter rejected;
    private final Counter writeFailures;
    private final Timer batchWrite;

    ActivityMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.written = Counter.builder("switchboard.activities.written")
                .description("Call activities written to the database")
                .register(registry);
        this.duplicates = Counter.builder("switchboard.activities.duplicates")
                .description("Ended calls skipped because their activity already existed (replays, duplicates)")
                .register(registry);
        this.refused = Counter.builder("switchboard.activities.refused")
                .description("Ended calls lost because the buffer waiting for the database was full")
                .register(registry);
        this.rejected = Counter.builder("switchboard.activities.rejected")
                .description("Ended calls the database refused as data (logged with the call id)")
                .register(registry);
        this.writeFailures = Counter.builder("switchboard.activities.write.failures")
                .description("Attempts to write activities that failed and will be retried (database unreachable)")
                .register(registry);
        this.batchWrite = Timer.builder("switchboard.activities.batch.write")
                .description("Time to resolve and write one batch of activities")
                .register(registry);
    }

    /**
     * The writer's buffer under the name operators knew before it was a {@link BoundedWorker} (its own metrics,
     * {@code switchboard.activities.buffer.*}, say the same): ended calls waiting to be written. Those lost to a full
     * buffer are counted by {@link #refused}.
     */
    void buffer(BoundedWorker<?> writer) {
        Gauge.builder("switchboard.activities.pending", writer, BoundedWorker::depth)
                .description("Ended calls waiting to be written")
                .register(registry);
    }

    void refused() {
        refused.increment();
    }

    void batchWritten(int inserted, int duplicated, long nanos) {
        written.increment(inserted);
        duplicates.increment(duplicated);
        batchWrite.record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected() {
        rejected.increment();
    }

    void writeFailed() {
        writeFailures.increment();
    }

    void disposed(String code) {
        registry.counter("switchboard.activities.dispositions", "code", code.toLowerCase(Locale.ROOT))
                .increment();
    }
}
