package io.switchboard.queue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One queue's counters for one day. Waits are kept as counts per second waited, not as "within the threshold"
 * counters, so the service level can be read for whatever threshold the queue has now: an admin's change applies to
 * the whole day at once, without a restart. Not thread-safe: {@link QueueStatistics} guards it.
 */
final class QueueDay {

    long offered;
    long answered;
    long abandoned;
    long waitSecondsOfAnswered;
    long talkSeconds;
    /** Calls by seconds waited: a few hundred distinct values in a day, whatever the number of calls. */
    private final NavigableMap<Long, Long> answeredWaits = new TreeMap<>();

    private final NavigableMap<Long, Long> abandonedWaits = new TreeMap<>();
    /** When recent calls arrived, for the arrival rate. */
    private final Deque<Instant> arrivals = new ArrayDeque<>();

    void add(String outcome, long waitSeconds, long talk, Instant startedAt) {
        add(outcome, waitSeconds, 1, talk);
        if (startedAt != null) {
            arrived(startedAt);
        }
    }

    /** Adds {@code calls} calls of one outcome that waited {@code waitSeconds} each and talked {@code talk} in all. */
    void add(String outcome, long waitSeconds, long calls, long talk) {
        offered += calls;
        if ("ANSWERED".equals(outcome)) {
            answered += calls;
            waitSecondsOfAnswered += waitSeconds * calls;
            talkSeconds += talk;
            answeredWaits.merge(waitSeconds, calls, Long::sum);
        } else if ("ABANDONED".equals(outcome)) {
            abandoned += calls;
            abandonedWaits.merge(waitSeconds, calls, Long::sum);
        }
    }

    /**
     * Answered within {@code threshold} seconds over the calls that count, as the formula says; null before any.
     */
    Double serviceLevel(int threshold, QueueProperties.ShortAbandons shortAbandons) {
        long answeredWithin = within(answeredWaits, threshold);
        long base = shortAbandons == QueueProperties.ShortAbandons.EXCLUDED
                ? offered - within(abandonedWaits, threshold)
                : offered;
        return base <= 0 ? null : answeredWithin / (double) base;
    }

    private static long within(NavigableMap<Long, Long> waits, int threshold) {
        long calls = 0;
        for (long count : waits.headMap((long) threshold, true).values()) {
            calls += count;
        }
        return calls;
    }

    /** Records when a call arrived (calls are added roughly in time order). */
    void arrived(Instant startedAt) {
        arrivals.addLast(startedAt);
    }

    /** Calls per second that arrived within {@code windowSeconds} before {@code now}. */
    double arrivalRate(Instant now, long windowSeconds) {
        Instant from = now.minusSeconds(windowSeconds);
        while (!arrivals.isEmpty() && arrivals.peekFirst().isBefore(from)) {
            arrivals.pollFirst();
        }
        return arrivals.size() / (double) windowSeconds;
    }
}
