package io.switchboard.activity;

import java.time.Instant;

/**
 * A queue's quarter hour: the unit the report rollup keeps. Quarter hours are cut from the epoch in UTC, which is
 * the same cut as in the centre's zone for every zone whose offset is a whole number of quarter hours (all of
 * today's); the reports check that their boundaries fall on it.
 */
public record QueueQuarter(Instant start, String queue) implements Comparable<QueueQuarter> {

    public static final long SECONDS = 900;

    /** The quarter hour a call that started at {@code startedAt} counts in. */
    public static QueueQuarter of(String queue, Instant startedAt) {
        return new QueueQuarter(start(startedAt), queue);
    }

    public static Instant start(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), SECONDS) * SECONDS);
    }

    public Instant end() {
        return start.plusSeconds(SECONDS);
    }

    /** The order quarter hours are locked in, so that two writers never wait for each other in a circle. */
    @Override
    public int compareTo(QueueQuarter other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : queue.compareTo(other.queue);
    }
}
