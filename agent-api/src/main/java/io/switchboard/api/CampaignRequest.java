package io.switchboard.api;

import io.switchboard.campaign.AttemptOutcome;
import io.switchboard.campaign.CallWindow;
import io.switchboard.campaign.CampaignDisposition;
import io.switchboard.campaign.LeadOrder;
import io.switchboard.campaign.pacing.DialMode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A campaign as a campaign manager sets it up. Fields left out keep their defaults: every day 09:00-21:00 in the
 * lead's local time, 5 attempts, busy again after 10 min, no answer after 2 h, 3 % abandon cap, the standard
 * dispositions.
 *
 * @param agents user names of the agents who work the campaign
 * @param callWindow weekly hours such as {@code "MON-FRI 09:00-21:00"} and holidays such as {@code "12-25"}
 * @param retryDelays ISO-8601 durations by outcome ({@code {"BUSY": "PT10M"}})
 * @param abandonCap the share of answered calls that may be abandoned in a day (0.03 = 3 %)
 * @param pbxes ids of the PBXes ({@code switchboard.pbxes}) the campaign may dial through; left out or empty: all
 */
record CampaignRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull DialMode dialMode,
        @NotBlank @Size(max = 80) String queue,
        @Size(max = 40) String callerId,
        List<String> agents,
        CallWindow callWindow,
        @Min(1) @Max(50) Integer maxAttempts,
        Map<AttemptOutcome, Duration> retryDelays,
        LeadOrder leadOrder,
        @DecimalMin("0") @DecimalMax("0.5") Double abandonCap,
        List<CampaignDisposition> dispositions,
        @Size(max = 100) List<String> pbxes) {}
