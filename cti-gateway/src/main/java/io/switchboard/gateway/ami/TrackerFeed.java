package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.gateway.call.CallTracker;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * What the call tracker's thread does with each AMI event it takes off the hand-off: translate it and fold it into
 * the {@link CallTracker}, which only this thread touches. An event the model cannot fold is counted and logged by
 * the worker, and the next one is folded.
 */
final class TrackerFeed {

    /** Event age is sampled: timing every event would cost more than the tracking itself. */
    private static final int AGE_SAMPLE_EVERY = 64;

    private final AmiEventTranslator translator;
    private final CallTracker tracker;
    private final Timer eventAge;
    private long count;

    TrackerFeed(AmiEventTranslator translator, CallTracker tracker, MeterRegistry registry) {
        this.translator = translator;
        this.tracker = tracker;
        this.eventAge = Timer.builder("switchboard.ami.event.age")
                .description("Time from an AMI event's arrival to its processing by the call tracker (sampled)")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    void apply(ManagerEvent event) {
        try {
            tracker.apply(translator.translate(event));
        } finally {
            if (++count % AGE_SAMPLE_EVERY == 0 && event.getDateReceived() != null) {
                long age = System.currentTimeMillis() - event.getDateReceived().getTime();
                eventAge.record(Math.max(0, age), TimeUnit.MILLISECONDS);
            }
        }
    }
}
