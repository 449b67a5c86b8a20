package io.switchboard.queue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One queue's counters for one day (the wallboard) or one interval of a report: the one place the queue figures are
 * defined, so the wallboard's today and the interval reports cannot disagree. Waits are kept as counts per second
 * waited, not as "within the threshold" counters, so the service level can be read for whatever threshold the queue
 * has now: an admin's change applies to the whole day at once, without a restart. Not thread-safe: {@link
 * QueueStatistics} guards it.
 */
final class QueueDay {

    long offered;
    long answered;
    long abandoned;
    long waitSecondsOfAnswered;
    long talkSeconds;
    /** The longest any offered call waited, whatever its outcome. */
    long longestWait;
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
        longestWait = Math.max(longestWait, waitSeconds);
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
     * Adds what a rollup row holds besides its histograms (which go through {@link #add(String, long, long, long)}):
     * the calls of other outcomes (missed, busy, ...), which count as offered only, the answered calls' talk, and
     * the longest wait of any of them.
     */
    void addRolledUp(long otherCalls, long answeredTalk, long longest) {
        offered += otherCalls;
        talkSeconds += answeredTalk;
        longestWait = Math.max(longestWait, longest);
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

    /** Abandoned within {@code threshold} seconds: callers who left before anyone could be expected to answer. */
    long shortAbandons(int threshold) {
        return within(abandonedWaits, threshold);
    }

    /** abandoned / offered; null before any call. */
    Double abandonRate() {
        return offered == 0 ? null : abandoned / (double) offered;
    }

    /** The answered calls' average wait; null before any. */
    Double averageWait() {
        return answered == 0 ? null : waitSecondsOfAnswered / (double) answered;
    }

    /** The answered calls' average talk; null before any. */
    Double averageTalk() {
        return answered == 0 ? null : talkSeconds / (double) answered;
    }

    /**
     * The wait 90 % of the answered calls did not exceed (nearest rank: the smallest wait with at least 90 % of the
     * answered calls at or below it); null before any.
     */
    Long p90Wait() {
        if (answered == 0) {
            return null;
        }
        long rank = (long) Math.ceil(answered * 0.9);
        long seen = 0;
        for (var wait : answeredWaits.entrySet()) {
            seen += wait.getValue();
            if (seen >= rank) {
                return wait.getKey();
            }
        }
        return answeredWaits.lastKey();
    }

    /** Adds another interval's calls: a report's whole range is its intervals added up. */
    void addAll(QueueDay other) {
        offered += other.offered;
        answered += other.answered;
        abandoned += other.abandoned;
        waitSecondsOfAnswered += other.waitSecondsOfAnswered;
        talkSeconds += other.talkSeconds;
        longestWait = Math.max(longestWait, other.longestWait);
        other.answeredWaits.forEach((wait, calls) -> answeredWaits.merge(wait, calls, Long::sum));
        other.abandonedWaits.forEach((wait, calls) -> abandonedWaits.merge(wait, calls, Long::sum));
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
