package io.switchboard.campaign;

import java.time.Instant;
import java.util.Map;

/**
 * A campaign's figures at one moment. "Today" starts at midnight in {@code switchboard.campaigns.reporting-zone}.
 *
 * @param leads every lead of the campaign
 * @param dialableNow leads the dialer could claim now (due, attempts left, in their call window)
 * @param done leads finished: final disposition, attempts used up or do-not-call
 * @param inProgress leads being dialled or talked to (waiting for a disposition)
 * @param leadsByStatus every status's count
 * @param attemptsToday attempts that ended today, by outcome
 * @param answeredToday calls a person answered today, abandoned ones included
 * @param abandonedToday answered calls no agent took
 * @param abandonRateToday abandoned over answered today; 0 when none were answered
 */
public record CampaignProgress(
        CampaignId campaignId,
        Instant at,
        long leads,
        long dialableNow,
        long done,
        long inProgress,
        Map<LeadStatus, Long> leadsByStatus,
        Map<AttemptOutcome, Long> attemptsToday,
        long answeredToday,
        long abandonedToday,
        double abandonRateToday) {

    public CampaignProgress {
        leadsByStatus = Map.copyOf(leadsByStatus);
        attemptsToday = Map.copyOf(attemptsToday);
    }
}
