package io.switchboard.bench;

/**
 * One simulated day.
 *
 * @param occupancy talk plus wrap-up time over logged-in time, all agents
 * @param abandonRate abandoned share of the calls a person answered
 * @param connectsPerAgentHour answered calls an agent took, per agent-hour
 * @param dials calls placed
 * @param answered calls a person answered (abandoned included)
 * @param abandoned answered calls no agent took in time
 * @param meanAgentWaitSeconds mean time an agent waited between calls
 * @param maxHourlyAbandonRate the worst hour's abandoned share of its answered calls
 */
public record DialerResult(
        double occupancy,
        double abandonRate,
        double connectsPerAgentHour,
        long dials,
        long answered,
        long abandoned,
        double meanAgentWaitSeconds,
        double maxHourlyAbandonRate) {}
