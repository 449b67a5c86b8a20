package io.switchboard.activity;

import java.time.Instant;

/**
 * What the interval reports count of one call a queue offered, as its activity row stores it: the quarter hour it
 * counts in follows from its start.
 */
public record QueueCallMeasures(
        String queue, Instant startedAt, String outcome, int waitSeconds, int talkSeconds, String agentExtension) {

    public QueueQuarter quarter() {
        return QueueQuarter.of(queue, startedAt);
    }
}
