package io.switchboard.campaign;

import java.util.Map;

/** A lead as the agent on its call sees it: who, which number, the list's extra columns, how it has gone so far. */
public record LeadView(
        LeadId id,
        CampaignId campaignId,
        String number,
        String name,
        String timezone,
        Map<String, String> data,
        LeadStatus status,
        int attempts,
        String lastOutcome) {}
