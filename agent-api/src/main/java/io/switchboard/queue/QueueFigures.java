package io.switchboard.queue;

/**
 * A queue's figures for today.
 *
 * @param serviceLevel share of calls meeting the service level, by {@code serviceLevelFormula}; {@code null}
 *     before the first call
 * @param abandonRate abandoned / offered; {@code null} before the first call
 * @param arrivalsPerHour calls per hour over the recent arrival window
 * @param agentsNeeded Erlang C: agents needed for the service level target at that arrival rate and today's
 *     average talk time; 0 when no calls arrive
 */
public record QueueFigures(
        String queue,
        long offered,
        long answered,
        long abandoned,
        Double abandonRate,
        Double averageWaitSeconds,
        Double averageTalkSeconds,
        Double serviceLevel,
        String serviceLevelFormula,
        double arrivalsPerHour,
        int agentsNeeded) {}
