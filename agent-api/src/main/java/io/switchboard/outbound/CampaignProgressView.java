package io.switchboard.outbound;

import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignStatus;
import io.switchboard.campaign.LeadStatus;
import io.switchboard.campaign.dialer.DialerView;
import java.time.Instant;
import java.util.Map;

/**
 * A campaign's live progress as the campaign page and the {@code campaignProgress} WebSocket message show it.
 *
 * @param dialer what the dialer is doing (pacing explanation, calls, agents); {@code null} when this node does not
 *     dial or the campaign is not running
 * @param completionEstimate when the leads left would be done at today's pace; {@code null} when there is no pace
 *     yet
 */
public record CampaignProgressView(
        CampaignId campaignId,
        String name,
        CampaignStatus status,
        double abandonCap,
        Instant at,
        Leads leads,
        Today today,
        DialerView dialer,
        Instant completionEstimate) {

    public record Leads(long total, long dialable, long done, long inProgress, Map<LeadStatus, Long> byStatus) {}

    /**
     * @param abandonRate abandoned over answered calls today; {@code null} before the first answer
     */
    public record Today(
            Map<AttemptOutcome, Long> attemptsByOutcome, long answered, long abandoned, Double abandonRate) {}
}
