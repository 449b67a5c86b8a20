package io.switchboard.gateway.livesync;

import io.switchboard.gateway.call.CallEvent.QueueChanged;
import java.time.Instant;
import java.util.Objects;

/** The callers waiting in a queue as a node knows them, with the time of the change that said so (the PBX's clock). */
public record QueueEntry(String queue, int waiting, Instant longestWaitingSince, Instant at) {

    public QueueEntry {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(at, "at");
    }

    static QueueEntry of(QueueChanged changed) {
        return new QueueEntry(changed.queue(), changed.waiting(), changed.longestWaitingSince(), changed.at());
    }

    QueueChanged toEvent() {
        return new QueueChanged(at, queue, waiting, longestWaitingSince);
    }

    boolean sameStateAs(QueueEntry other) {
        return waiting == other.waiting && Objects.equals(longestWaitingSince, other.longestWaitingSince);
    }
}
