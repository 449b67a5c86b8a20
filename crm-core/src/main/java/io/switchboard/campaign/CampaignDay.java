package io.switchboard.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One campaign's day: the attempts dialled that day (by when they started, in the campaigns' reporting zone).
 *
 * @param attemptsByOutcome attempts per outcome; attempts still in progress are counted in {@code attempts} only
 * @param contactsReached leads a person answered for (each lead once, however many times)
 * @param abandonRate abandoned / (answered by a person + abandoned), the measure the pacer holds under the cap;
 *     {@code null} when no person answered
 * @param abandonCap the campaign's cap (a share, 0.03 for 3 %)
 * @param dispositions the agents' dispositions of the day's attempts, per code
 * @param agents per agent who took calls of the campaign that day
 */
public record CampaignDay(
        LocalDate day,
        CampaignId campaign,
        String name,
        long attempts,
        Map<AttemptOutcome, Long> attemptsByOutcome,
        long contactsReached,
        Double abandonRate,
        double abandonCap,
        boolean overCap,
        Map<String, Long> dispositions,
        List<Agent> agents) {

    /**
     * @param agent the user's username (the extension for an attempt with no user)
     * @param calls the campaign's calls the agent took that day
     * @param dispositions their dispositions, per code
     */
    public record Agent(String agent, long calls, Map<String, Long> dispositions) {}
}
