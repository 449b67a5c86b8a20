package io.switchboard.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as stored.
 *
 * @param startedAt when it first ran; {@code null} while a draft
 * @param finishedAt when it was finished; {@code null} until then
 * @param invalidSettings stored settings today's checks refuse, each shown as its default until corrected; a
 *     campaign with any is not dialled
 */
public record Campaign(
        CampaignId id,
        CampaignStatus status,
        CampaignSettings settings,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt,
        List<InvalidSetting> invalidSettings) {

    public Campaign {
        invalidSettings = invalidSettings == null ? List.of() : List.copyOf(invalidSettings);
    }

    public String name() {
        return settings.name();
    }

    /**
     * Whether the dialer should be placing its calls (and agents may take preview leads): running, and no stored
     * setting invalid.
     */
    public boolean running() {
        return status == CampaignStatus.RUNNING && valid();
    }

    /** Whether every stored setting passes today's checks (else it is listed, flagged, and not dialled). */
    public boolean valid() {
        return invalidSettings.isEmpty();
    }
}
