package io.switchboard.campaign.dialer;

import io.switchboard.campaign.pacing.PacingDecision;
import io.switchboard.campaign.pacing.PacingStats;
import java.time.LocalDate;

/**
 * One campaign's pacing memory on the dialing node: the rolling estimates, today's answered and abandoned calls
 * (the abandon cap is per campaign per day) and the last decision, which the API shows as the pacing explanation.
 */
final class CampaignPace {

    final PacingStats stats = new PacingStats();
    LocalDate day;
    long answeredToday;
    long abandonedToday;
    volatile PacingDecision lastDecision;

    CampaignPace(LocalDate day, long answeredToday, long abandonedToday) {
        this.day = day;
        this.answeredToday = answeredToday;
        this.abandonedToday = abandonedToday;
    }

    /** A new day starts with a fresh abandon budget; the estimates carry over. */
    void rollOver(LocalDate today) {
        if (!today.equals(day)) {
            day = today;
            answeredToday = 0;
            abandonedToday = 0;
        }
    }

    double abandonRate() {
        return answeredToday == 0 ? 0 : abandonedToday / (double) answeredToday;
    }
}
