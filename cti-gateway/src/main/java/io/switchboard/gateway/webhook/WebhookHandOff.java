package io.switchboard.gateway.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.switchboard.gateway.worker.BoundedWorker;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.event.Level;

/**
 * Between the HTTP threads and the call tracker thread: the tracker's bounded worker, which never blocks the HTTP
 * side, and the ids of the events already queued, so a repeated event is recognised. An id is remembered only once its event is
 * queued: a 503 leaves nothing behind that would make the PBX's retry look like a duplicate.
 */
final class WebhookHandOff {

    enum Submission {
        QUEUED,
        DUPLICATE,
        FULL
    }

    /** Events the tracker's thread takes off its queue at once. */
    private static final int BATCH = 256;

    private final BoundedWorker<WebhookEvent> tracker;
    private final RecentEventIds recent;
    private final Clock clock;

    /**
     * @param tracker what the tracker's thread does with each event; it runs once {@link #start} is called
     */
    WebhookHandOff(
            int capacity,
            RecentEventIds recent,
            Clock clock,
            MeterRegistry registry,
            String pbx,
            Consumer<WebhookEvent> tracker) {
        this.tracker = BoundedWorker.<WebhookEvent>named("webhook-call-tracker-" + pbx)
                .capacity(capacity)
                .maxBatch(BATCH)
                .describedBy(WebhookEvent::eventId)
                .whenFull("The PBX is answered 503 and retries later.")
                .dropLogLevel(Level.WARN)
                .metrics(registry, "switchboard.webhook.handoff", Tags.of("pbx", pbx))
                .eachTo(tracker);
        this.recent = recent;
        this.clock = clock;
    }

    void start() {
        tracker.start();
    }

    /** Holds the lock only for a lookup and a non-blocking offer. */
    synchronized Submission submit(WebhookEvent event) {
        long now = clock.millis();
        if (recent.contains(event.eventId(), now)) {
            return Submission.DUPLICATE;
        }
        if (!tracker.offer(event)) {
            return Submission.FULL;
        }
        recent.add(event.eventId(), now);
        return Submission.QUEUED;
    }

    int depth() {
        return tracker.depth();
    }

    /** Events the tracker has applied since start. */
    long processed() {
        return tracker.delivered();
    }

    /** Takes no more events, and lets the tracker apply those already accepted. */
    void close() {
        tracker.close();
    }
}
