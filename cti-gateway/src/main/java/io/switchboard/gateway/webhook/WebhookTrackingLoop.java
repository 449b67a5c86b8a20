package io.switchboard.gateway.webhook;

import io.switchboard.gateway.call.CallTracker;
import io.switchboard.gateway.call.PbxEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one thread that owns the webhook's {@link CallTracker}: drains the hand-off queue and folds each event. */
final class WebhookTrackingLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookTrackingLoop.class);
    private static final int BATCH = 256;

    private final WebhookHandOff handOff;
    private final CallTracker tracker;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long processed;

    WebhookTrackingLoop(WebhookHandOff handOff, CallTracker tracker, String pbx) {
        this.handOff = handOff;
        this.tracker = tracker;
        this.thread = new Thread(this::run, "webhook-call-tracker-" + pbx);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long processed() {
        return processed;
    }

    private void run() {
        List<WebhookEvent> batch = new ArrayList<>(BATCH);
        // after close() the server takes no more events; those already acknowledged are still applied
        while (running || handOff.depth() > 0) {
            try {
                handOff.drainTo(batch, BATCH, 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (WebhookEvent event : batch) {
                apply(event);
            }
            processed += batch.size();
            batch.clear();
        }
    }

    private void apply(WebhookEvent event) {
        for (PbxEvent pbxEvent : event.toPbxEvents()) {
            try {
                tracker.apply(pbxEvent);
            } catch (RuntimeException e) {
                // one event the model cannot fold must not stop every call after it from being followed
                log.error("Call tracker failed on webhook event {} ({}); continuing", event.eventId(), event.type(), e);
            }
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
