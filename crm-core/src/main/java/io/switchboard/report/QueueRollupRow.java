package io.switchboard.report;

import java.time.Instant;

/**
 * One queue's quarter hour in the rollup: what the interval reports count of the calls that started in it.
 *
 * @param offered every call, whatever its outcome
 * @param answeredTalkSeconds the answered calls' talk
 * @param longestWaitSeconds the longest any call waited, whatever its outcome
 * @param answeredWaits calls per second waited, {@link WaitHistogram encoded}
 * @param answeredByAgent answered calls per agent extension, {@link AgentCounts encoded}
 */
public record QueueRollupRow(
        Instant start,
        String queue,
        int offered,
        int answered,
        int abandoned,
        long answeredTalkSeconds,
        int longestWaitSeconds,
        byte[] answeredWaits,
        byte[] abandonedWaits,
        byte[] answeredByAgent) {}
