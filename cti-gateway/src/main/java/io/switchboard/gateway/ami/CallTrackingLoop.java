package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.gateway.call.CallTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one thread that owns the {@link CallTracker}: drains the hand-off queue, translates, folds. */
final class CallTrackingLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallTrackingLoop.class);
    private static final int BATCH = 1024;
    /** Event age is sampled: timing every event would cost more than the tracking itself. */
    private static final int AGE_SAMPLE_EVERY = 64;

    private final EventHandOff handOff;
    private final AmiEventTranslator translator;
    private final CallTracker tracker;
    private final Timer eventAge;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long processed;

    CallTrackingLoop(EventHandOff handOff, AmiEventTranslator translator, CallTracker tracker, MeterRegistry registry) {
        this.handOff = handOff;
        this.translator = translator;
        this.tracker = tracker;
        this.eventAge = Timer.builder("switchboard.ami.event.age")
                .description("Time from an AMI event's arrival to its processing by the call tracker (sampled)")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.thread = new Thread(this::run, "call-tracker");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long processed() {
        return processed;
    }

    private void run() {
        List<ManagerEvent> batch = new ArrayList<>(BATCH);
        long count = 0;
        while (running) {
            try {
                handOff.drainTo(batch, BATCH, 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (ManagerEvent event : batch) {
                try {
                    tracker.apply(translator.translate(event));
                } catch (RuntimeException e) {
                    // one event the model cannot fold must not stop every call after it from being followed
                    log.error(
                            "Call tracker failed on {}; continuing",
                            event.getClass().getSimpleName(),
                            e);
                }
                if (++count % AGE_SAMPLE_EVERY == 0 && event.getDateReceived() != null) {
                    long age =
                            System.currentTimeMillis() - event.getDateReceived().getTime();
                    eventAge.record(Math.max(0, age), TimeUnit.MILLISECONDS);
                }
            }
            processed = count;
            batch.clear();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
