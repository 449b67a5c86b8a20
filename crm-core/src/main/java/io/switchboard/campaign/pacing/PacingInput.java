package io.switchboard.campaign.pacing;

import java.util.Objects;

/**
 * The state of one campaign at a dialer tick.
 *
 * @param mode how the campaign dials
 * @param agentsReady the campaign's agents logged in and free now
 * @param agentsBusy the campaign's agents on a call or in wrap-up
 * @param callsRinging calls placed that have neither reached the queue nor ended (ringing, or in answering machine
 *     detection)
 * @param callsWaiting calls a person answered that wait in the queue for an agent (they are abandoned if none comes)
 * @param answeredToday the campaign's calls a person answered today, including the abandoned ones (machines not
 *     counted)
 * @param abandonedToday the campaign's answered calls today that hung up before an agent took them
 * @param abandonCap the highest share of today's answered calls that may be abandoned, e.g. 0.03
 * @param estimate the campaign's recent answer rate and times, from {@link PacingStats#estimate()}
 */
public record PacingInput(
        DialMode mode,
        int agentsReady,
        int agentsBusy,
        int callsRinging,
        int callsWaiting,
        long answeredToday,
        long abandonedToday,
        double abandonCap,
        PacingEstimate estimate) {

    public PacingInput {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(estimate, "estimate");
        if (agentsReady < 0 || agentsBusy < 0 || callsRinging < 0 || callsWaiting < 0) {
            throw new IllegalArgumentException("agent and call counts must not be negative");
        }
        if (answeredToday < 0 || abandonedToday < 0 || abandonedToday > answeredToday) {
            throw new IllegalArgumentException("abandoned calls are a part of the answered calls");
        }
        if (abandonCap < 0 || abandonCap >= 1) {
            throw new IllegalArgumentException("abandonCap must be within 0..1: " + abandonCap);
        }
    }

    /** Today's abandoned share of the answered calls; 0 before the first answer. */
    public double abandonRateToday() {
        return answeredToday == 0 ? 0 : (double) abandonedToday / answeredToday;
    }
}
