package io.switchboard.campaign.pacing;

/**
 * How many calls to place now, and why.
 *
 * @param callsToPlace new calls to place at this tick (0 or more)
 * @param dialRatio calls in flight after this tick (ringing plus new) per agent expected free for them
 * @param estimatedAnswerRate the share of calls a person answers that the decision used
 * @param expectedFreeAgents agents free now plus those expected to finish within one ring time
 * @param abandonRateToday today's abandoned share of the answered calls so far
 * @param reason one line for the supervisor's page
 */
public record PacingDecision(
        int callsToPlace,
        double dialRatio,
        double estimatedAnswerRate,
        double expectedFreeAgents,
        double abandonRateToday,
        String reason) {}
