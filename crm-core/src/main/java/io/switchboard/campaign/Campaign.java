package io.switchboard.campaign;

import java.time.Instant;

/**
 * A campaign as stored.
 *
 * @param startedAt when it first ran; {@code null} while a draft
 * @param finishedAt when it was finished; {@code null} until then
 */
public record Campaign(
        CampaignId id,
        CampaignStatus status,
        CampaignSettings settings,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt) {

    public String name() {
        return settings.name();
    }

    /** Whether the dialer should be placing its calls (and agents may take preview leads). */
    public boolean running() {
        return status == CampaignStatus.RUNNING;
    }
}
