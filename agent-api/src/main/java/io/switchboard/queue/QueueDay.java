package io.switchboard.queue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** One queue's counters for one day. Not thread-safe: {@link QueueStatistics} guards it. */
final class QueueDay {

    long offered;
    long answered;
    long abandoned;
    long answeredWithinThreshold;
    long abandonedWithinThreshold;
    long waitSecondsOfAnswered;
    long talkSeconds;
    /** When recent calls arrived, for the arrival rate. */
    private final Deque<Instant> arrivals = new ArrayDeque<>();

    void add(String outcome, long waitSeconds, long talk, Instant startedAt, int threshold) {
        offered++;
        if ("ANSWERED".equals(outcome)) {
            answered++;
            waitSecondsOfAnswered += waitSeconds;
            talkSeconds += talk;
            if (waitSeconds <= threshold) {
                answeredWithinThreshold++;
            }
        } else if ("ABANDONED".equals(outcome)) {
            abandoned++;
            if (waitSeconds <= threshold) {
                abandonedWithinThreshold++;
            }
        }
        if (startedAt != null) {
            arrived(startedAt);
        }
    }

    /** Answered within the threshold over the calls that count, as the configured formula says; null before any. */
    Double serviceLevel(QueueProperties.ShortAbandons shortAbandons) {
        long base =
                shortAbandons == QueueProperties.ShortAbandons.EXCLUDED ? offered - abandonedWithinThreshold : offered;
        return base <= 0 ? null : answeredWithinThreshold / (double) base;
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
