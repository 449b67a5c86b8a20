package io.switchboard.api;

import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.campaign.CallWindow;
import io.switchboard.campaign.CampaignDisposition;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignStatus;
import io.switchboard.campaign.InvalidSetting;
import io.switchboard.campaign.LeadOrder;
import io.switchboard.campaign.pacing.DialMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign as the API shows it; {@code agents} are user names. {@code invalidSettings} names each stored setting
 * today's checks refuse (shown with its default meanwhile): such a campaign is listed but cannot start or dial.
 */
record CampaignView(
        CampaignId id,
        String name,
        CampaignStatus status,
        DialMode dialMode,
        String queue,
        String callerId,
        List<String> agents,
        CallWindow callWindow,
        int maxAttempts,
        Map<AttemptOutcome, Duration> retryDelays,
        LeadOrder leadOrder,
        double abandonCap,
        List<CampaignDisposition> dispositions,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<InvalidSetting> invalidSettings) {}
