package io.switchboard.campaign.dialer;

import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.pacing.PacingDecision;
import java.time.Instant;

/**
 * What the dialer is doing for one campaign, as of its last pacing round: the pacing explanation and the live
 * counts the campaign's progress page shows.
 *
 * @param decision the pacer's last decision with its reasons (dial ratio, estimated answer rate, expected free
 *     agents, abandon rate so far)
 */
public record DialerView(
        CampaignId campaignId,
        Instant at,
        PacingDecision decision,
        int callsInProgress,
        int callsRinging,
        int agentsReady,
        int agentsBusy,
        int agentsPaused,
        long answeredToday,
        long abandonedToday,
        double abandonRateToday) {}
