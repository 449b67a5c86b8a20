package io.switchboard.queue;

import java.time.Instant;
import java.util.Map;

/**
 * One queue's figures for one interval of a report, counted by {@link QueueDay} exactly as the wallboard counts
 * today's: calls belong to the interval they started in.
 *
 * @param shortAbandons callers who hung up within the service level threshold
 * @param serviceLevel by the report's declared formula; {@code null} without calls that count
 * @param p90WaitSeconds the wait 90 % of the answered calls did not exceed (nearest rank)
 * @param averageHandleSeconds average talk plus the queue's wrap-up time
 * @param longestWaitSeconds the longest wait of any call, answered or not
 * @param answeredByAgent answered calls by the extension of the agent who had each at the end
 */
public record IntervalFigures(
        Instant start,
        Instant end,
        long offered,
        long answered,
        long abandoned,
        long shortAbandons,
        Double abandonRate,
        Double serviceLevel,
        Double averageWaitSeconds,
        Long p90WaitSeconds,
        Double averageTalkSeconds,
        Double averageHandleSeconds,
        long longestWaitSeconds,
        Map<String, Long> answeredByAgent) {}
