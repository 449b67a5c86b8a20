package io.switchboard.campaign;

import java.time.Instant;

/**
 * One time a campaign dialled a contact, as the contact's card lists it.
 *
 * @param outcome {@code null} while the attempt is in progress
 * @param agent the username of the agent who took the call; {@code null} when nobody did
 */
public record ContactAttempt(
        AttemptId id,
        CampaignId campaignId,
        String campaign,
        String number,
        Instant startedAt,
        Instant endedAt,
        String outcome,
        String disposition,
        String agent) {}
