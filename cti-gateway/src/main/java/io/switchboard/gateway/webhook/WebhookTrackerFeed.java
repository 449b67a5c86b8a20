package io.switchboard.gateway.webhook;

import io.switchboard.gateway.call.CallTracker;
import io.switchboard.gateway.call.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the webhook's call tracker thread does with each accepted event: fold each of the PBX events it stands for
 * into the {@link CallTracker}, which only this thread touches.
 */
final class WebhookTrackerFeed {

    private static final Logger log = LoggerFactory.getLogger(WebhookTrackerFeed.class);

    private final CallTracker tracker;

    WebhookTrackerFeed(CallTracker tracker) {
        this.tracker = tracker;
    }

    void apply(WebhookEvent event) {
        for (PbxEvent pbxEvent : event.toPbxEvents()) {
            try {
                tracker.apply(pbxEvent);
            } catch (RuntimeException e) {
                // one event the model cannot fold must not stop the rest of this event, nor every call after it
                log.error("Call tracker failed on webhook event {} ({}); continuing", event.eventId(), event.type(), e);
            }
        }
    }
}
