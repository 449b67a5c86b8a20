package io.switchboard.gateway.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Between the HTTP threads and the call tracker thread: a bounded queue that never blocks the HTTP side, and the
 * ids of the events already queued, so a repeated event is recognised. An id is remembered only once its event is
 * queued: a 503 leaves nothing behind that would make the PBX's retry look like a duplicate.
 */
final class WebhookHandOff {

    enum Submission {
        QUEUED,
        DUPLICATE,
        FULL
    }

    private final BlockingQueue<WebhookEvent> queue;
    private final RecentEventIds recent;
    private final Clock clock;

    WebhookHandOff(int capacity, RecentEventIds recent, Clock clock, MeterRegistry registry, String pbx) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.recent = recent;
        this.clock = clock;
        Gauge.builder("switchboard.webhook.handoff.depth", queue, BlockingQueue::size)
                .description("Webhook events waiting for the call tracker")
                .tag("pbx", pbx)
                .register(registry);
    }

    /** Holds the lock only for a lookup and a non-blocking offer. */
    synchronized Submission submit(WebhookEvent event) {
        long now = clock.millis();
        if (recent.contains(event.eventId(), now)) {
            return Submission.DUPLICATE;
        }
        if (!queue.offer(event)) {
            return Submission.FULL;
        }
        recent.add(event.eventId(), now);
        return Submission.QUEUED;
    }

    /** Waits up to {@code timeoutMillis} for events and moves up to {@code max} of them into {@code batch}. */
    int drainTo(Collection<WebhookEvent> batch, int max, long timeoutMillis) throws InterruptedException {
        WebhookEvent first = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        batch.add(first);
        return 1 + queue.drainTo(batch, max - 1);
    }

    int depth() {
        return queue.size();
    }
}
